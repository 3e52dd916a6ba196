"""Deterministic synthetic corpus of investment-news articles with known cohorts.

    .venv/bin/python bench/generate.py --articles 100000 --out /tmp/corpus [--seed 1] [--clean]

Writes DIR/articles/NNNN/<lang>_<index>.<txt|html|json> (at most 1000 files per
sub-directory; base names are unique over the corpus) and DIR/gold.jsonl (one line per
article in the format of ../shared/devset/GOLD_FORMAT.md, `file` relative to DIR/articles).
Score it with:

    .venv/bin/python bench/dev_score.py --raw DIR/articles --gold DIR/gold.jsonl

Each article is assembled from sentence templates; every template that states a figure
returns the text and the cohorts a careful analyst reads from it, so the gold is exact by
construction. The same seed gives byte-identical output whatever the number of workers: each
sub-directory of 1000 articles draws from its own generator seeded by (seed, chunk).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import sys
import time
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "flows" / "lexicons"
CHUNK = 1000

# --------------------------------------------------------------------------------------------
# lexicons


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


ROTATING_HOSTS = {
    "davos": ["Dalian", "Tianjin"],
    "ccexpo": ["Zhengzhou", "Wuhan", "Changsha", "Hefei", "Nanchang", "Taiyuan"],
}


def _load():
    places = _rows(LEX / "places.csv")
    prefs = [p for p in places if p["level"] == "prefecture"]
    by_en = {p["name_en"]: p for p in prefs}
    by_prov: dict[str, list[dict]] = {}
    provinces = {}
    for p in places:
        if p["level"] == "province":
            provinces[p["province_en"]] = p
    for p in prefs:
        by_prov.setdefault(p["province_en"], []).append(p)
    events = []
    for e in _rows(LEX / "events.csv"):
        hosts = ROTATING_HOSTS.get(e["event_id"]) or ([e["city_en"]] if e["city_en"] else [])
        hosts = [h for h in hosts if h in by_en]
        if not hosts:
            continue
        e["hosts"] = hosts
        e["first"] = int(e["first_year"]) if e["first_year"] else None
        e["abbr_zh"] = next((a for a in e["aliases"].split(";") if a and len(a) <= 4 and not a.isascii()), None)
        events.append(e)
    # ordinary prefecture-level cities for city-level signing days (skip leagues/prefectures
    # with unusual names: keep those whose Chinese name ends in 市)
    cities = [
        p for p in prefs if p["name_zh"].endswith("市") and p["province_en"] not in ("Hong Kong", "Macao", "Taiwan")
    ]
    return events, cities, by_en, by_prov, provinces


EVENTS, CITIES, CITY_BY_EN, CITIES_BY_PROV, PROVINCES = _load()

# (English phrase, Chinese phrase, acceptable codes)
SECTORS = [
    ("strategic emerging industry", "战略性新兴产业", ["emerging_industries"]),
    ("manufacturing", "制造业", ["manufacturing"]),
    ("advanced manufacturing", "先进制造业", ["manufacturing"]),
    ("industrial", "工业", ["manufacturing"]),
    ("electronic information", "电子信息", ["new_generation_it"]),
    ("digital economy", "数字经济", ["new_generation_it"]),
    ("big data", "大数据", ["new_generation_it"]),
    ("integrated circuit", "集成电路", ["semiconductors"]),
    ("semiconductor", "半导体", ["semiconductors"]),
    ("artificial intelligence", "人工智能", ["artificial_intelligence"]),
    ("high-end equipment", "高端装备", ["high_end_equipment"]),
    ("equipment manufacturing", "装备制造", ["high_end_equipment", "manufacturing"]),
    ("new materials", "新材料", ["new_materials"]),
    ("biomedicine", "生物医药", ["biomedicine"]),
    ("life and health", "生命健康", ["biomedicine"]),
    ("new energy vehicle", "新能源汽车", ["new_energy_vehicles", "automotive"]),
    ("auto parts", "汽车零部件", ["automotive"]),
    ("new energy", "新能源", ["new_energy"]),
    ("photovoltaic", "光伏", ["new_energy"]),
    ("energy saving and environmental protection", "节能环保", ["energy_saving_environmental"]),
    ("digital creative", "数字创意", ["digital_creative"]),
    ("home appliance", "智能家电", ["home_appliances"]),
    ("modern agriculture", "现代农业", ["food_agriculture"]),
    ("green food", "绿色食品", ["food_agriculture"]),
    ("chemical industry", "化工", ["chemicals"]),
    ("modern logistics", "现代物流", ["modern_services"]),
    ("modern service industry", "现代服务业", ["modern_services"]),
    ("culture and tourism", "文化旅游", ["culture_tourism"]),
    ("infrastructure", "基础设施", ["infrastructure"]),
    ("livelihood", "民生", ["livelihood"]),
]

# named single projects: (English core, Chinese core, codes)
PROJECTS = [
    ("power battery industrial park", "动力电池产业园", ["new_energy_vehicles"]),
    ("new energy vehicle manufacturing base", "新能源汽车生产基地", ["new_energy_vehicles", "automotive"]),
    ("integrated circuit packaging and testing", "集成电路封装测试", ["semiconductors"]),
    ("photovoltaic module manufacturing", "光伏组件制造", ["new_energy"]),
    ("biomedicine industrial park", "生物医药产业园", ["biomedicine"]),
    ("new materials industrial base", "新材料产业基地", ["new_materials"]),
    ("big data center", "大数据中心", ["new_generation_it"]),
    ("intelligent equipment manufacturing", "智能装备制造", ["high_end_equipment"]),
    ("cultural tourism complex", "文化旅游综合体", ["culture_tourism"]),
    ("modern logistics park", "现代物流园", ["modern_services"]),
    ("green food processing", "绿色食品加工", ["food_agriculture"]),
    ("fine chemicals", "精细化工", ["chemicals"]),
    ("hydrogen energy industrial park", "氢能产业园", ["new_energy"]),
    ("smart home appliance", "智能家电", ["home_appliances"]),
    ("semiconductor materials", "半导体材料", ["semiconductors", "new_materials"]),
]
FIRMS = [
    ("Huaxin", "华信"),
    ("Zhongke", "中科"),
    ("Tianrun", "天润"),
    ("Hengtong", "恒通"),
    ("Xinyuan", "鑫源"),
    ("Jinghe", "晶合"),
    ("Ruifeng", "瑞丰"),
    ("Boyuan", "博远"),
    ("Kaida", "凯达"),
    ("Longsheng", "隆盛"),
    ("Yuntai", "云泰"),
    ("Haichuang", "海创"),
    ("Shengtai", "盛泰"),
    ("Guoxuan", "国轩"),
    ("Weilai", "蔚来"),
    ("Zhongchuang", "中创"),
]

SURNAMES = [
    ("Wang", "王"),
    ("Li", "李"),
    ("Zhang", "张"),
    ("Liu", "刘"),
    ("Chen", "陈"),
    ("Yang", "杨"),
    ("Huang", "黄"),
    ("Zhao", "赵"),
    ("Wu", "吴"),
    ("Zhou", "周"),
    ("Xu", "徐"),
    ("Sun", "孙"),
    ("Ma", "马"),
    ("Zhu", "朱"),
    ("Hu", "胡"),
    ("Guo", "郭"),
]
GIVEN = [
    ("Wei", "伟"),
    ("Fang", "芳"),
    ("Jun", "军"),
    ("Lei", "磊"),
    ("Min", "敏"),
    ("Jing", "静"),
    ("Qiang", "强"),
    ("Hong", "红"),
    ("Tao", "涛"),
    ("Bin", "斌"),
    ("Xiang", "翔"),
    ("Hui", "慧"),
]
COUNTRIES = [
    "Germany",
    "Japan",
    "South Korea",
    "France",
    "the United States",
    "Singapore",
    "Malaysia",
    "Thailand",
    "Vietnam",
    "Italy",
    "the United Kingdom",
    "Russia",
    "Brazil",
]
COUNTRIES_ZH = [
    "德国",
    "日本",
    "韩国",
    "法国",
    "美国",
    "新加坡",
    "马来西亚",
    "泰国",
    "越南",
    "意大利",
    "英国",
    "俄罗斯",
    "巴西",
]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS_FULL = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ORD_ZH = "零一二三四五六七八九"

# --------------------------------------------------------------------------------------------
# numbers

WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def ordinal_en(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf}"


def cn_int(n: int) -> str:
    """0 <= n < 100000000 in Chinese numerals (一百三十二, 一万零五百)."""
    if n == 0:
        return "零"
    if n >= 10000:
        hi, lo = divmod(n, 10000)
        s = ("两" if hi == 2 else cn_int(hi)) + "万"
        if lo:
            s += ("零" if lo < 1000 else "") + cn_int(lo)
        return s
    out, zero, units = "", False, [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    for val, name in units:
        d, n = divmod(n, val)
        if d:
            if zero:
                out += "零"
                zero = False
            out += ("两" if d == 2 and val == 1000 else ORD_ZH[d]) + name
        elif out:
            zero = True
    if out.startswith("一十"):
        out = out[1:]
    return out


def cn_dec(s: str) -> str:
    """'58.5' -> 五十八点五"""
    whole, _, frac = s.partition(".")
    out = cn_int(int(whole))
    if frac:
        out += "点" + "".join(ORD_ZH[int(c)] for c in frac)
    return out


def dec(k: int, places: int) -> str:
    """integer k / 10**places without trailing zeros: dec(5818, 2) -> '58.18'"""
    if places == 0:
        return str(k)
    s = f"{k / 10**places:.{places}f}".rstrip("0").rstrip(".")
    return s


def commas(s: str) -> str:
    whole, dot, frac = s.partition(".")
    return f"{int(whole):,}" + dot + frac


def en_count(rng, n: int, cap=False) -> str:
    if n <= 20 and rng.random() < 0.4:
        w = WORDS[n]
        return w.capitalize() if cap else w
    return f"{n:,}" if n >= 1000 else str(n)


TENS_W = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def en_count_start(n: int) -> str:
    """a count opening a sentence: spelled out as news style wants (digits there also trip
    sentence splitting), 'A total of N' for three-digit counts"""
    if n <= 20:
        return WORDS[n].capitalize()
    if n < 100:
        t, u = divmod(n, 10)
        return TENS_W[t].capitalize() + (f"-{WORDS[u]}" if u else "")
    return f"A total of {n:,}"


def zh_count(rng, n: int) -> str:
    return cn_int(n) if rng.random() < 0.08 else str(n)


# amounts are integers in units of 1e6 yuan (0.01 亿); English ones are rounded to 1e7


def en_cny(rng, m: int, style=None) -> str:
    """m millions of yuan -> English text"""
    r = rng.random() if style is None else style
    if m >= 1_000_000 and r < 0.85 and m % 10_000 == 0:
        return f"{dec(m // 10_000, 2)} trillion yuan"
    if m >= 1000:
        x = dec(m // 10, 2) if m % 10 == 0 else dec(m, 3)
        if m >= 1_000_000:
            x = commas(x)
        if r < 0.08 and m % 1000 and m < 100_000 and m % 10 == 0:
            return f"{m // 1000} billion {m % 1000} million yuan"
        if r < 0.55:
            return f"{x} billion yuan"
        if r < 0.7:
            return f"RMB {x} billion"
        if r < 0.82:
            return f"{x} billion yuan (RMB)" if r < 0.74 else f"{x} billion RMB"
        if r < 0.9:
            return f"¥{x} billion"
        return f"{x} billion yuan"
    return f"{m} million yuan"


def en_usd(rng, m: int) -> str:
    """m millions of US dollars"""
    if m >= 1000:
        x = dec(m // 10, 2)
        r = rng.random()
        if r < 0.35:
            return f"${x} billion"
        if r < 0.55:
            return f"US${x} billion"
        if r < 0.75:
            return f"{x} billion U.S. dollars"
        if r < 0.9:
            return f"USD {x} billion"
        return f"{x} billion US dollars"
    return f"${m} million" if rng.random() < 0.5 else f"{m} million U.S. dollars"


def zh_cny(rng, m: int) -> str:
    """m millions of yuan (m multiple of 1 = 0.01 亿) -> Chinese text"""
    r = rng.random()
    if m >= 1_000_000 and m % 10_000 == 0 and r < 0.7:
        return f"{dec(m // 10_000, 2)}万亿元"
    if m >= 100:
        x = dec(m, 2)
        if r < 0.06 and len(x.partition(".")[0]) <= 4:
            return cn_dec(x) + "亿元"
        if r < 0.12 and m >= 100_000:
            return commas(x) + "亿元"
        return f"{x}亿元"
    return f"{m * 100}万元"


def zh_usd(rng, m: int) -> str:
    x = dec(m, 2)
    if rng.random() < 0.1 and len(x.partition(".")[0]) <= 4:
        return cn_dec(x) + "亿美元"
    return f"{x}亿美元"


def cohort(count=None, m=None, currency="CNY", **kw):
    c = {}
    if count is not None:
        c["count"] = count
    if m is not None:
        c["amount"] = float(m) * 1e6
        c["currency"] = currency
    for k, v in kw.items():
        if v is not None:
            c[k] = v
    return c


def amt_m(rng, count: int, lo: float, hi: float, grain: int) -> int:
    """total amount in millions of yuan for `count` projects averaging lo..hi 亿 each,
    rounded to `grain` millions"""
    per = rng.uniform(lo, hi) * 100  # millions
    m = int(count * per)
    return max(grain, m // grain * grain)


def sub_nm(ctx, frac=0.4, nmin=2, spread=(0.5, 1.6)):
    """a subset of the article's total: count <= frac of the total count, amount near the
    total's average per project (millions of yuan, rounded to the language's grain)"""
    rng = ctx.rng
    tn = ctx.total_n or rng.randint(40, 400)
    tm = ctx.total_m or tn * rng.randint(200, 1500)
    n = rng.randint(nmin, max(nmin + 1, int(tn * frac)))
    g = ctx.grain
    m = int(n * tm / tn * rng.uniform(*spread))
    return n, max(g, m // g * g)


def band_nm(ctx, mn):
    """a size band subset: n projects of at least mn millions each, or None if the band does
    not fit the article's total"""
    rng = ctx.rng
    tn = ctx.total_n or rng.randint(40, 400)
    tm = ctx.total_m or tn * rng.randint(200, 1500)
    nmax = min(int(tn * 0.4), int(tm * 0.8 / (mn * 1.3)))
    if nmax < 2:
        return None
    n = rng.randint(2, nmax)
    g = ctx.grain
    m = int(n * mn * rng.uniform(1.3, 3.0))
    m = min(m, int(tm * 0.85))
    m = m // g * g
    if m <= n * mn:
        return None
    return n, m


# --------------------------------------------------------------------------------------------
# article context


class Ctx:
    __slots__ = (
        "rng",
        "lang",
        "year",
        "month",
        "day",
        "city",
        "province",
        "event",
        "ev_en",
        "ev_zh",
        "city_zh",
        "prov_zh",
        "cohorts",
        "used",
        "grain",
        "total_n",
        "total_m",
        "stage",
        "signing_event",
    )

    def __init__(self, rng, lang):
        self.rng = rng
        self.lang = lang
        self.cohorts = []
        self.used = set()
        self.grain = 10 if lang == "en" else 1
        self.signing_event = False

    def add(self, c) -> bool:
        key = (c.get("count"), c.get("amount"))
        if key in self.used:
            return False
        self.used.add(key)
        self.cohorts.append(c)
        return True

    def fresh(self, count, m):
        """True when (count, amount) was not used yet in this article."""
        return (count, None if m is None else float(m) * 1e6) not in self.used


SHORT_REGION = {
    "广西壮族自治区": "广西",
    "内蒙古自治区": "内蒙古",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
}


def pick_context(rng, lang) -> Ctx:
    ctx = Ctx(rng, lang)
    if rng.random() < 0.7:
        ev = rng.choice(EVENTS)
        lo = max(2015, ev["first"] or 2015)
        ctx.year = rng.randint(lo, 2025)
        ctx.event = ev
        city = CITY_BY_EN[rng.choice(ev["hosts"])]
        n = ctx.year - ev["first"] + 1 if ev["first"] else None
        r = rng.random()
        if n and r < 0.35:
            ctx.ev_en = f"{ordinal_en(n)} {ev['name_en']}"
            ctx.ev_zh = f"第{cn_int(n)}届{ev['name_zh']}"
        elif r < 0.75:
            ctx.ev_en = f"{ctx.year} {ev['name_en']}"
            ctx.ev_zh = f"{ctx.year}{ev['name_zh']}"
        else:
            ctx.ev_en = ev["name_en"]
            ctx.ev_zh = ev["name_zh"] if not ev["abbr_zh"] or rng.random() < 0.5 else ev["abbr_zh"]
    else:
        ctx.event = None
        ctx.year = rng.randint(2015, 2025)
        city = rng.choice(CITIES)
        kind = rng.randrange(3)
        ctx.signing_event = kind != 1  # a signing ceremony/event signs, it does not "promote"
        ctx.ev_en = [
            f"{city['name_en']} major projects centralized signing ceremony",
            f"{city['name_en']} investment promotion conference",
            f"{city['name_en']} key projects signing event",
        ][kind]
        cz = city["name_zh"][:-1]
        ctx.ev_zh = [f"{cz}市重大项目集中签约仪式", f"{cz}市招商引资推介会", f"{cz}市重点项目签约活动"][kind]
    ctx.city = city["name_en"]
    ctx.province = city["province_en"]
    ctx.city_zh = city["name_zh"][:-1] if city["name_zh"].endswith("市") else city["name_zh"]
    pz = PROVINCES[ctx.province]["name_zh"]
    ctx.prov_zh = SHORT_REGION.get(pz) or (pz[:-1] if pz.endswith(("省", "市")) else pz)
    ctx.month = rng.randint(1, 12)
    ctx.day = rng.randint(1, 28)
    return ctx


def gold_event(ctx):
    ev = {"year": ctx.year, "city": ctx.city, "province": ctx.province}
    if ctx.event:
        ev = {"name": ctx.event["name_en"], **ev}
    return ev


# --------------------------------------------------------------------------------------------
# English cohort templates: each appends its cohorts to ctx and returns sentences


STAGE_EN = {
    "signed": ["were signed", "were inked", "were contracted", "were signed on site"],
    "promoted": ["were promoted", "were attracted", "were secured", "were pushed forward"],
}


def en_lead(ctx):
    rng = ctx.rng
    n = rng.randint(20, 900)
    m = amt_m(rng, n, 2, 25, 10)
    if m >= 1_000_000 and rng.random() < 0.7:
        m = m // 10_000 * 10_000  # 1.39 trillion rather than 1,391.99 billion
    ctx.total_n, ctx.total_m = n, m
    ctx.stage = "signed" if ctx.signing_event or rng.random() < 0.75 else "promoted"
    ev, A, N = ctx.ev_en, en_cny(rng, m), en_count(rng, n)
    verb = rng.choice(STAGE_EN[ctx.stage])
    r = rng.random()
    when = f"on {MONTHS_FULL[ctx.month - 1]} {ctx.day}"
    if r < 0.06:  # amount only
        ctx.add(cohort(None, m, stage=[ctx.stage]))
        ctx.total_n = None
        s = f"Investment projects worth {A} {verb} at the {ev}, the organizers said {when}."
        return [s], s
    if r < 0.1:  # count only
        ctx.add(cohort(n, None, stage=[ctx.stage]))
        ctx.total_m = None
        s = f"A total of {N} investment projects {verb} at the {ev}, the organizers said."
        return [s], s
    if r < 0.14 and m >= 1000:  # with USD conversion
        usd = m * 10 // 70 // 10 * 10
        ctx.add(cohort(n, m, stage=[ctx.stage], alt={"amount": usd * 1e6, "currency": "USD"}))
        s = (
            f"A total of {N} projects with a combined investment of {en_cny(rng, m, 0.3)} "
            f"(about {en_usd(rng, usd)}) {verb} at the {ev}, which closed {when}."
        )
        return [s], s
    ctx.add(cohort(n, m, stage=[ctx.stage]))
    templates = [
        f"A total of {N} projects with a combined investment of {A} {verb} at the {ev}, which closed in {ctx.city} {when}.",
        f"{en_count_start(n)} projects worth {A} {verb} during the {ev}, according to the organizing committee.",
        f"The {ev} has {'signed' if ctx.stage == 'signed' else 'attracted'} {N} investment projects with a total value of {A}, the provincial department of commerce said {when}.",
        f"In total, {N} projects {verb} at the event, involving a total investment of {A}.",
        f"Officials said {N} cooperation projects, with total investment of {A}, {verb} at the {ev}.",
        f"So far, {N} projects with a total investment of {A} have been {'signed' if ctx.stage == 'signed' else 'promoted'} through the {ev}.",
    ]
    s = rng.choice(templates)
    return [s], s


def en_sub_stage(ctx):
    rng = ctx.rng
    if not ctx.total_n or ctx.total_n < 8:
        return []
    n, m = sub_nm(ctx, 0.5)
    if not ctx.fresh(n, m):
        return []
    stage = (
        rng.choice(["signed", "started", "completed"])
        if ctx.stage == "promoted"
        else rng.choice(["signed", "started", "started", "completed"])
    )
    N, A = en_count(rng, n), en_cny(rng, m)
    Nc = en_count_start(n)
    if stage == "signed":
        t = [
            f"Among them, {N} projects worth {A} were signed on site.",
            f"Of these, {N} projects, with investment of {A}, were signed at the opening ceremony.",
            f"{Nc} projects, with a total investment of {A}, were inked at the main venue.",
        ]
    elif stage == "started":
        t = [
            f"Among them, {N} projects with a total investment of {A} have started construction.",
            f"Of these, {N} projects worth {A} broke ground the same day.",
            f"Construction has started on {N} of the projects, with a combined investment of {A}.",
        ]
    else:
        t = [
            f"Of these, {N} projects worth {A} have been completed and put into operation.",
            f"{Nc} projects with investment of {A} have already been completed.",
        ]
    ctx.add(cohort(n, m, stage=[stage]))
    return [rng.choice(t)]


def _sectors(rng, k):
    return rng.sample(SECTORS, k)


def en_sector(ctx):
    rng = ctx.rng
    ((en, _zh, codes),) = _sectors(rng, 1)
    n, m = sub_nm(ctx, 0.35)
    if not ctx.fresh(n, m):
        return []
    N, A = en_count(rng, n), en_cny(rng, m)
    Sc = en[0].upper() + en[1:]
    t = [
        f"Among them, {N} {en} projects involve a total investment of {A}.",
        f"By sector, {en} projects numbered {N}, with investment totaling {A}.",
        f"There were {N} {en} projects, with a combined investment of {A}.",
        f"{Sc} projects totaled {N}, with investment of {A}.",
        f"Broken down by category, {N} of the projects belong to the {en} sector and carry a total investment of {A}.",
    ]
    ctx.add(cohort(n, m, sector=codes))
    return [rng.choice(t)]


def en_sector_list(ctx):
    """semicolon list, machine-translated style"""
    rng = ctx.rng
    parts = []
    for en, _zh, codes in _sectors(rng, rng.randint(2, 4)):
        n, m = sub_nm(ctx, 0.2)
        if not ctx.fresh(n, m):
            continue
        ctx.add(cohort(n, m, sector=codes))
        parts.append(f"{en} projects {n}, total investment {en_cny(rng, m, 0.3)}")
    if not parts:
        return []
    return ["Among them, " + "; ".join(parts) + "."]


def _join_en(xs):
    return ", ".join(xs[:-1]) + " and " + xs[-1]


def en_respectively(ctx):
    rng = ctx.rng
    secs = _sectors(rng, rng.randint(2, 3))
    ns, ms = [], []
    for _en, _zh, codes in secs:
        n, m = sub_nm(ctx, 0.2)
        while not ctx.fresh(n, m) or n in ns:
            n += 1
            m += 10
        ns.append(n)
        ms.append(m)
        ctx.add(cohort(n, m, sector=codes))
    amounts = _join_en([en_cny(rng, m, 0.3) for m in ms])
    if rng.random() < 0.75:
        groups = _join_en([f"{n} {s[0]} projects" for n, s in zip(ns, secs)])
        return [f"There were {groups}, with investment of {amounts} respectively."]
    # realistic machine-translated form; the extractor pairs only the first item (see report)
    names = _join_en([s[0] for s in secs])
    return [
        f"{names[0].upper() + names[1:]} projects numbered {_join_en([str(n) for n in ns])} "
        f"respectively, with investment of {amounts}."
    ]


BANDS_EN = [
    (1000, "1 billion yuan"),
    (500, "500 million yuan"),
    (5000, "5 billion yuan"),
    (10000, "10 billion yuan"),
    (2000, "2 billion yuan"),
]


def en_band(ctx):
    rng = ctx.rng
    mn, label = rng.choice(BANDS_EN)
    nm = band_nm(ctx, mn)
    if nm is None or rng.random() < 0.35:  # count only
        n = rng.randint(2, max(3, (ctx.total_n or 40) // 4))
        if not ctx.fresh(n, None):
            return []
        ctx.add(cohort(n, None, size_min=mn * 1e6))
        N = en_count(rng, n)
        t = [
            f"There were {N} projects with investment of more than {label} each.",
            f"{en_count_start(n)} of the projects are worth {label} or more.",
            f"Projects of {label} and above numbered {N}.",
        ]
        return [rng.choice(t)]
    n, m = nm
    if not ctx.fresh(n, m):
        return []
    ctx.add(cohort(n, m, size_min=mn * 1e6))
    N, A = en_count(rng, n), en_cny(rng, m)
    t = [
        f"Of these, {N} projects carry a total investment of {label} and above each, together accounting for {A}.",
        f"Projects with investment of {label} and above number {N}, adding up to a total investment of {A}.",
        f"There were {N} projects of over {label} each, with a combined investment of {A}.",
        f"{en_count_start(n)} projects are worth over {label} each, with a combined investment of {A}.",
        f"Projects worth more than {label} each numbered {N}, with a total investment of {A}.",
        # realistic; the extractor drops the amount (see report)
        f"{en_count_start(n)} projects worth over {label} each have a combined investment of {A}.",
    ]
    return [rng.choice(t)]


def en_named(ctx):
    rng = ctx.rng
    k = rng.randint(1, 2)
    items = []
    for (pen, _pz, codes), (fen, _fz) in zip(rng.sample(PROJECTS, k), rng.sample(FIRMS, k)):
        m = rng.randint(3, 300) * 100 // 10 * 10
        if not ctx.fresh(1, m):
            continue
        name = f"{fen} {pen} project"
        ctx.add(cohort(1, m, sector=codes, name=name))
        items.append((name, m))
    if not items:
        return []
    if len(items) == 1:
        name, m = items[0]
        t = [
            f"The largest single project, the {name}, involves an investment of {en_cny(rng, m)}.",
            f"The {name}, with a total investment of {en_cny(rng, m)}, was among the signed projects.",
            f"The {name} alone involves an investment of {en_cny(rng, m)}.",
            # realistic; the extractor gives no count 1 after "Major projects include" (report)
            f"Major projects include the {name} with an investment of {en_cny(rng, m)}.",
        ]
        return [rng.choice(t)]
    (a, ma), (b, mb) = items
    if rng.random() < 0.8:
        return [f"The {a} involves an investment of {en_cny(rng, ma)}, while the {b} is worth {en_cny(rng, mb)}."]
    return [
        f"Major projects include the {a} with an investment of {en_cny(rng, ma)} and the {b} worth {en_cny(rng, mb)}."
    ]


def en_region(ctx):
    rng = ctx.rng
    pool = [c for c in CITIES_BY_PROV.get(ctx.province, []) if c["name_en"] != ctx.city and c["name_zh"].endswith("市")]
    if len(pool) < 2:
        return []
    out = []
    for c in rng.sample(pool, 2):
        n, m = sub_nm(ctx, 0.25)
        if not ctx.fresh(n, m):
            return []
        ctx.add(cohort(n, m, region=c["name_en"]))
        out.append((c["name_en"], n, m))
    (c1, n1, m1), (c2, n2, m2) = out
    return [
        f"{c1} topped the list with {n1} projects worth {en_cny(rng, m1)}, followed by "
        f"{c2} with {n2} projects worth {en_cny(rng, m2)}."
    ]


def en_usd_cohort(ctx):
    rng = ctx.rng
    n = rng.randint(3, 60)
    m = rng.randint(30, 2000) * 10  # millions USD
    if not ctx.fresh(n, m):
        return []
    ctx.add(cohort(n, m, currency="USD"))
    N, A = en_count(rng, n), en_usd(rng, m)
    t = [
        f"Among them, {N} foreign-funded projects involve a total investment of {A}.",
        f"{en_count_start(n)} foreign-invested projects worth {A} were included.",
    ]
    return [rng.choice(t)]


def en_started_day(ctx):
    """city-level: projects starting construction / completed the same day"""
    rng = ctx.rng
    n = rng.randint(5, 120)
    m = amt_m(rng, n, 1, 10, 10)
    if not ctx.fresh(n, m):
        return []
    stage = rng.choice(["started", "completed"])
    ctx.add(cohort(n, m, stage=[stage]))
    N, A = en_count(rng, n), en_cny(rng, m)
    if stage == "started":
        return [
            f"On the same day, {N} major projects with a total investment of {A} started "
            f"construction across {ctx.city}."
        ]
    return [f"Meanwhile, {N} projects worth {A} were completed and put into operation in {ctx.city}."]


EN_EXTRA = [
    (en_sub_stage, 3),
    (en_sector, 4),
    (en_sector_list, 1),
    (en_respectively, 1),
    (en_band, 3),
    (en_named, 2),
    (en_region, 1),
    (en_usd_cohort, 1),
    (en_started_day, 1),
]
EN_EXTRA_W = [f for f, w in EN_EXTRA for _ in range(w)]

# --------------------------------------------------------------------------------------------
# English noise


def en_name(rng):
    s, g = rng.choice(SURNAMES), rng.choice(GIVEN)
    return f"{s[0]} {g[0]}"


def _pct(rng):
    return f"{rng.randint(1, 40)}.{rng.randint(1, 9)}"


# noise sentences: (mentions projects or signing?, template(ctx, rng) -> str)
EN_NOISE = [
    (
        False,
        lambda c, r: (
            f"More than {r.randint(5, 60) * 100:,} guests from {r.randint(10, 90)} countries and regions attended the event, some on site and some online."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"The event attracted {r.randint(3, 40) * 100:,} exhibitors, and the exhibition area covered {r.randint(30, 400) * 1000:,} square meters, a record high."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"{c.city}'s GDP grew {_pct(r)} percent year on year in the first half of the year, outpacing the national average."
        ),
    ),
    (True, lambda c, r: f"The projects are expected to create about {r.randint(2, 60) * 1000:,} jobs once completed."),
    (
        True,
        lambda c, r: (
            f"Once completed, the projects are expected to generate an annual output value of {r.randint(20, 900)} billion yuan and annual tax revenue of {r.randint(2, 60)} billion yuan."
        ),
    ),
    (
        True,
        lambda c, r: (
            f'"The signing shows the confidence of investors in {c.province} and the vitality of its private economy," said {en_name(r)}, director of the provincial department of commerce.'
        ),
    ),
    (
        True,
        lambda c, r: (
            f'"We will provide full-cycle services so that the projects land quickly and start production as early as possible," {en_name(r)} said.'
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Participants came from {', '.join(r.sample(COUNTRIES, 3))} and other countries, as well as from Hong Kong and Macao."
        ),
    ),
    (
        True,
        lambda c, r: (
            f"Manufacturing projects accounted for {_pct(r)} percent of the total investment, up {r.randint(2, 9)} percentage points from the previous edition."
        ),
    ),
    (
        True,
        lambda c, r: (
            f"The average investment per project reached {r.randint(11, 99) / 10} billion yuan, the highest in the event's history."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Foreign trade of {c.province} rose {_pct(r)} percent year on year in the first three quarters, according to the local customs."
        ),
    ),
    (
        False,
        lambda c, r: (
            f'This year\'s event is themed "Openness, Cooperation and Win-Win" and lasts {WORDS[r.randint(3, 5)]} days.'
        ),
    ),
    (
        True,
        lambda c, r: (
            f"The number of signed projects rose {_pct(r)} percent from the previous edition, while the share of high-tech projects also increased."
        ),
    ),
    (
        True,
        lambda c, r: (
            f"{c.city} has set up a special team to follow up on each signed project and to solve problems in land, energy and financing."
        ),
    ),
    (
        False,
        lambda c, r: (
            "Officials said the province will further optimize its business environment, cut red tape and attract more high-quality investment from home and abroad."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"The organizers held more than {r.randint(10, 60)} forums, matchmaking sessions and promotion activities during the event."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Over the past years, the {c.ev_en} has become an important platform for opening-up, regional cooperation and industrial upgrading."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"{en_name(r)}, vice governor of {c.province}, attended the opening ceremony and delivered a speech."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Online visits to the event platform exceeded {r.randint(2, 90)} million, and live broadcasts drew a large audience."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"The fixed-asset investment of {c.city} grew by {_pct(r)} percent in the period, with industrial investment up {_pct(r)} percent."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"{'' if c.city == c.province else 'Located in ' + c.province + ', '}{c.city} is an important transport hub and has been building a modern industrial system in recent years."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"In the first {WORDS[r.randint(3, 10)]} months, the retail sales of consumer goods in {c.city} rose {_pct(r)} percent year on year."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Actual use of foreign capital in {c.province} increased {_pct(r)} percent over the same period last year."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"The high-tech industry contributed {_pct(r)} percent of the industrial added value of {c.city}, said {en_name(r)}, an official with the city's development and reform commission."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Enterprises from {', '.join(r.sample(COUNTRIES, 2))} showed strong interest in cooperation in green and low-carbon development."
        ),
    ),
    (
        False,
        lambda c, r: (
            "Analysts said the results reflect the continued recovery of investor confidence and the attraction of the region's large market."
        ),
    ),
    (
        True,
        lambda c, r: (
            "The signed projects cover a wide range of fields such as advanced manufacturing, digital economy, modern services and green energy."
        ),
    ),
    (
        True,
        lambda c, r: (
            f"Compared with the previous edition, the projects are larger in scale, higher in technology content and more concentrated in industrial chains, {en_name(r)} noted."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"Some {r.randint(2, 30) * 100:,} buyers held talks with exhibitors, and the on-site retail sales reached {r.randint(20, 900)} million yuan."
        ),
    ),
    (
        False,
        lambda c, r: (
            f"The event was co-hosted by the Ministry of Commerce and the people's government of {c.province}."
        ),
    ),
]
EN_NOISE_FREE = [f for proj, f in EN_NOISE if not proj]
EN_NOISE_ALL = [f for _proj, f in EN_NOISE]


def en_dateline(ctx):
    rng = ctx.rng
    r = rng.random()
    if r < 0.5:
        return f"{ctx.city.upper()}, {MONTHS[ctx.month - 1]} {ctx.day} (Xinhua) -- "
    if r < 0.75:
        return f"{ctx.city}, {MONTHS_FULL[ctx.month - 1]} {ctx.day} (China Daily) - "
    return ""


def assemble(ctx, lead, extra_fns, noise_fns, n_min, n_max):
    """lead sentence, then 1-5 cohort sentences in order, noise before/around them"""
    rng = ctx.rng
    body = [lead]
    n_co = rng.randint(1, 5)
    co, seen_fns = [], set()
    for f in rng.sample(extra_fns, min(len(extra_fns), n_co + 3)):
        if len(co) >= n_co or f in seen_fns:
            continue
        seen_fns.add(f)
        co.extend(f(ctx))
    k = max(2, rng.randint(n_min, n_max) - len(co) - 1)
    noise = [f(ctx, rng) for f in rng.sample(noise_fns, min(k, len(noise_fns)))]
    split = rng.randint(0, min(3, len(noise)))
    body.extend(noise[:split])
    body.extend(co)
    body.extend(noise[split:])
    return body


def en_article(ctx, no_cohort: bool):
    rng = ctx.rng
    if no_cohort:
        ctx.total_n = ctx.total_m = None
        head = rng.choice(
            [
                f"{ctx.city} economy keeps steady growth in {ctx.year}",
                f"{ctx.province} sees foreign trade rise",
                f"{ctx.ev_en} opens in {ctx.city}",
            ]
        )
        body = [f(ctx, rng) for f in rng.sample(EN_NOISE_FREE, rng.randint(8, 18))]
        body[0] = en_dateline(ctx) + body[0]
        return head, body
    lead, _ = en_lead(ctx)
    if ctx.total_n and ctx.total_m and rng.random() < 0.4:
        v = "signed" if ctx.stage == "signed" else "promoted"
        head = f"{ctx.total_n} projects worth {en_cny(rng, ctx.total_m, 0.3)} {v} at {ctx.ev_en}"
    else:
        head = rng.choice(
            [
                f"{ctx.ev_en} closes in {ctx.city}",
                f"{ctx.city} reaps fruitful results at {ctx.ev_en}",
                f"Investment projects signed at {ctx.ev_en}",
                f"{ctx.province} attracts big investment at {ctx.ev_en}",
            ]
        )
    body = assemble(ctx, en_dateline(ctx) + lead[0], EN_EXTRA_W, EN_NOISE_ALL, 9, 25)
    return head, body


# --------------------------------------------------------------------------------------------
# Chinese templates


def _zh_ev(ctx):
    """'本届' before a bare event name, nothing before '第N届…' or '2021…'"""
    ev = ctx.ev_zh
    if ev.startswith("第") or ev[:1].isdigit() or not ctx.event:
        return ev
    return "本届" + ev


def zh_lead(ctx):
    rng = ctx.rng
    n = rng.randint(20, 900)
    m = amt_m(rng, n, 2, 25, 1 if rng.random() < 0.5 else 100)
    if m >= 1_000_000 and rng.random() < 0.5:
        m = m // 10_000 * 10_000  # 1.3万亿元
    ctx.total_n, ctx.total_m = n, m
    ctx.stage = "signed" if ctx.signing_event or rng.random() < 0.75 else "promoted"
    ev, A, N = _zh_ev(ctx), zh_cny(rng, m), zh_count(rng, n)
    v = "签约" if ctx.stage == "signed" else "促成"
    r = rng.random()
    if r < 0.06:
        ctx.add(cohort(None, m, stage=[ctx.stage]))
        ctx.total_n = None
        if rng.random() < 0.6:
            return f"{ev}共{v}项目,{'签约' if v == '签约' else '投资'}总额{A}。"
        # realistic; the extractor misses this amount-only form (see report)
        return f"{ev}共{v}项目总投资{A}。"
    if r < 0.1:
        ctx.add(cohort(n, None, stage=[ctx.stage]))
        ctx.total_m = None
        return f"{ev}期间,共{v}项目{N}个。"
    ctx.add(cohort(n, m, stage=[ctx.stage]))
    if ctx.stage == "signed":
        t = [
            f"{ev}共签约项目{N}个,总投资{A}。",
            f"{ev}期间,{ctx.city_zh}共签约项目{N}个、投资总额{A}。",
            f"记者从新闻发布会上获悉,{ev}现场集中签约重大项目{N}个,总投资额{A}。",
            f"{ev}共签约合作项目{N}个,签约总金额{A}。",
            f"据统计,{ev}一共集中签约项目{N}个、投资总额{A},签约项目数和投资额均创历届新高。",
        ]
    else:
        t = [
            f"{ev}共促成合作项目{N}个,总投资{A}。",
            f"截至目前,{ev}已推动落地项目{N}个,投资总额{A}。",
            f"{ev}期间共引进项目{N}个,总投资{A}。",
        ]
    return rng.choice(t)


def zh_sub_stage(ctx):
    rng = ctx.rng
    if not ctx.total_n or ctx.total_n < 8:
        return []
    n, m = sub_nm(ctx, 0.5)
    if not ctx.fresh(n, m):
        return []
    stage = rng.choice(["signed", "started", "completed"])
    N, A = zh_count(rng, n), zh_cny(rng, m)
    t = {
        "signed": [f"其中,现场签约项目{N}个,签约金额{A}。", f"其中,在开幕式上集中签约项目{N}个,总投资{A}。"],
        "started": [f"其中,已开工项目{N}个,总投资{A}。", f"目前已有{N}个项目开工建设,总投资{A}。"],
        "completed": [f"其中,已竣工投产项目{N}个,总投资{A}。", f"已建成投产项目{N}个,总投资{A}。"],
    }[stage]
    ctx.add(cohort(n, m, stage=[stage]))
    return [rng.choice(t)]


def zh_sector(ctx):
    rng = ctx.rng
    ((_en, zh, codes),) = _sectors(rng, 1)
    n, m = sub_nm(ctx, 0.35)
    if not ctx.fresh(n, m):
        return []
    N, A = zh_count(rng, n), zh_cny(rng, m)
    t = [
        f"其中,{zh}项目{N}个、投资额{A}。",
        f"从产业分布看,{zh}项目{N}个,总投资{A}。",
        f"签约项目中,{zh}项目有{N}个,投资额{A},占签约总额的{rng.randint(5, 60)}%。",
    ]
    ctx.add(cohort(n, m, sector=codes))
    return [rng.choice(t)]


def zh_sector_list(ctx):
    rng = ctx.rng
    parts = []
    for _en, zh, codes in _sectors(rng, rng.randint(2, 4)):
        n, m = sub_nm(ctx, 0.2)
        if not ctx.fresh(n, m):
            continue
        ctx.add(cohort(n, m, sector=codes))
        parts.append(f"{zh}项目{zh_count(rng, n)}个、投资额{zh_cny(rng, m)}")
    if not parts:
        return []
    return ["在签约项目中," + ";".join(parts) + "。"]


def zh_respectively(ctx):
    rng = ctx.rng
    secs = _sectors(rng, rng.randint(2, 3))
    ns, ms = [], []
    for _en, _zh, codes in secs:
        n, m = sub_nm(ctx, 0.2)
        while not ctx.fresh(n, m) or n in ns:
            n += 1
            m += 1
        ns.append(n)
        ms.append(m)
        ctx.add(cohort(n, m, sector=codes))
    return [
        "其中,"
        + "、".join(s[1] for s in secs)
        + "项目分别为"
        + "、".join(f"{n}个" for n in ns)
        + ",投资额分别为"
        + "、".join(zh_cny(rng, m) for m in ms)
        + "。"
    ]


BANDS_ZH = [(100, "亿元以上"), (1000, "10亿元以上"), (10000, "百亿元以上"), (5000, "50亿元以上"), (500, "5亿元以上")]


def zh_band(ctx):
    rng = ctx.rng
    mn, label = rng.choice(BANDS_ZH)
    nm = band_nm(ctx, mn)
    if nm is None or rng.random() < 0.35:  # a row of count-only bands, larger bands fewer
        bands = sorted(rng.sample(BANDS_ZH, rng.randint(1, 3)))
        parts, prev = [], None
        for mn, label in bands:
            n = rng.randint(3, max(4, (ctx.total_n or 60) // 3)) if prev is None else max(1, prev // rng.randint(2, 4))
            if n == prev or not ctx.fresh(n, None):
                continue
            prev = n
            ctx.add(cohort(n, None, size_min=mn * 1e6))
            parts.append(f"{label}项目{zh_count(rng, n)}个")
        if not parts:
            return []
        return [rng.choice(["从投资规模看,共签下", "大会共签下", "其中,"]) + "、".join(parts) + "。"]
    n, m = nm
    if not ctx.fresh(n, m):
        return []
    ctx.add(cohort(n, m, size_min=mn * 1e6))
    N, A = zh_count(rng, n), zh_cny(rng, m)
    t = [f"其中,{label}项目{N}个,投资额{A}。", f"投资{label}的项目{N}个,总投资{A}。"]
    return [rng.choice(t)]


def zh_named(ctx):
    rng = ctx.rng
    k = rng.randint(1, 3)
    items = []
    for (_pen, pz, codes), (_fen, fz) in zip(rng.sample(PROJECTS, k), rng.sample(FIRMS, k)):
        m = rng.randint(3, 300) * 100
        if not ctx.fresh(1, m):
            continue
        name = f"{fz}{pz}项目"
        ctx.add(cohort(1, m, sector=codes, name=name))
        items.append((name, m))
    if not items:
        return []
    if len(items) == 1 and rng.random() < 0.5:
        name, m = items[0]
        return [f"其中,{name}总投资{zh_cny(rng, m)},是本次签约的最大单体项目。"]
    return [
        "尤其值得关注的是,"
        + "、".join(f"投资{zh_cny(rng, m)}的{name}" for name, m in items)
        + "等一批重大项目顺利签约。"
    ]


def zh_region(ctx):
    rng = ctx.rng
    pool = [c for c in CITIES_BY_PROV.get(ctx.province, []) if c["name_en"] != ctx.city and c["name_zh"].endswith("市")]
    if len(pool) < 3:
        return []
    cs = rng.sample(pool, rng.randint(2, 3))
    ns, ms = [], []
    for c in cs:
        n, m = sub_nm(ctx, 0.25)
        m = max(100, m // 100 * 100)
        while not ctx.fresh(n, m) or n in ns:
            n += 1
        ns.append(n)
        ms.append(m)
        ctx.add(cohort(n, m, stage=["signed"], region=c["name_en"]))
    names = "、".join(c["name_zh"][:-1] for c in cs)
    return [
        f"{names}{'两三四'[len(cs) - 2]}地分别签约项目"
        + "、".join(f"{n}个" for n in ns)
        + ",签约金额分别为"
        + "、".join(zh_cny(rng, m) for m in ms)
        + "。"
    ]


def zh_usd_cohort(ctx):
    rng = ctx.rng
    n = rng.randint(3, 60)
    m = rng.randint(30, 2000) * 10
    if not ctx.fresh(n, m):
        return []
    ctx.add(cohort(n, m, currency="USD"))
    N, A = zh_count(rng, n), zh_usd(rng, m)
    return [rng.choice([f"其中,外资项目{N}个,总投资{A}。", f"外商投资项目{N}个,投资总额{A}。"])]


def zh_started_day(ctx):
    rng = ctx.rng
    n = rng.randint(5, 120)
    m = amt_m(rng, n, 1, 10, 1)
    if not ctx.fresh(n, m):
        return []
    stage = rng.choice(["started", "completed"])
    ctx.add(cohort(n, m, stage=[stage]))
    N, A = zh_count(rng, n), zh_cny(rng, m)
    if stage == "started":
        return [f"当天,{ctx.city_zh}还集中开工重大项目{N}个,总投资{A}。"]
    return [f"同时,全市集中竣工项目{N}个,总投资{A}。"]


def zh_wan(ctx):
    """small projects in 万元"""
    rng = ctx.rng
    n = rng.randint(2, 30)
    m = rng.randint(5, 99)  # millions -> 500万..9900万
    if not ctx.fresh(n, m):
        return []
    ctx.add(cohort(n, m, stage=["signed"], sector=["food_agriculture"]))
    return [f"此外,还签约乡村振兴项目{n}个,总投资{m * 100}万元。"]


ZH_EXTRA = [
    (zh_sub_stage, 3),
    (zh_sector, 4),
    (zh_sector_list, 1),
    (zh_respectively, 1),
    (zh_band, 3),
    (zh_named, 2),
    (zh_region, 1),
    (zh_usd_cohort, 1),
    (zh_started_day, 1),
    (zh_wan, 1),
]
ZH_EXTRA_W = [f for f, w in ZH_EXTRA for _ in range(w)]


def zh_name(rng):
    return rng.choice(SURNAMES)[1] + rng.choice(GIVEN)[1] + (rng.choice(GIVEN)[1] if rng.random() < 0.5 else "")


def _official(c, r):
    if c.province in ("Beijing", "Tianjin", "Shanghai", "Chongqing"):
        return f"{c.prov_zh}市商务委副主任{zh_name(r)}"
    return (
        f"{c.prov_zh}省商务厅副厅长{zh_name(r)}"
        if c.province not in ("Guangxi", "Inner Mongolia", "Tibet", "Ningxia", "Xinjiang", "Hong Kong", "Macao")
        else f"自治区商务厅副厅长{zh_name(r)}"
    )


ZH_NOISE = [
    (
        False,
        lambda c, r: (
            f"本届大会吸引了来自{r.randint(10, 90)}个国家和地区的{r.randint(5, 60) * 100}余名嘉宾参会,线上线下同步举行。"
        ),
    ),
    (False, lambda c, r: f"{c.year}年上半年,{c.city_zh}地区生产总值同比增长{_pct(r)}%,增速高于全国平均水平。"),
    (True, lambda c, r: f"项目全部建成投产后,预计可实现年产值{r.randint(20, 900)}亿元、年税收{r.randint(2, 90)}亿元。"),
    (True, lambda c, r: f"签约项目平均投资额达{r.randint(11, 99) / 10}亿元,较上届提高{_pct(r)}%。"),
    (
        True,
        lambda c, r: (
            f"{zh_name(r)}表示,将进一步优化营商环境,为签约项目落地提供全过程、全周期服务,推动项目早落地、早投产、早见效。"
        ),
    ),
    (False, lambda c, r: f"{_official(c, r)}在新闻发布会上介绍了有关情况。"),
    (False, lambda c, r: f"今年前三季度,全省外贸进出口同比增长{_pct(r)}%,其中出口增长{_pct(r)}%。"),
    (
        False,
        lambda c, r: (
            f"本届展会展览面积达{r.randint(3, 40)}万平方米,参展企业{r.randint(5, 40) * 100}余家,均创历史新高。"
        ),
    ),
    (False, lambda c, r: f"来自{'、'.join(r.sample(COUNTRIES_ZH, 3))}等国家的客商参加了对接活动。"),
    (True, lambda c, r: f"制造业项目投资额占签约总额的{_pct(r)}%,比上届提高{r.randint(1, 9)}个百分点。"),
    (False, lambda c, r: f"活动期间还举办了{r.randint(5, 40)}场专题论坛和产业对接会,现场气氛热烈。"),
    (True, lambda c, r: f"据悉,签约项目预计可带动就业{r.randint(2, 60)}000余人。"),
    (True, lambda c, r: f"{c.city_zh}将建立重大项目跟踪服务机制,推动签约项目早落地、早开工、早投产。"),
    (False, lambda c, r: f"本届大会以“开放合作、共赢发展”为主题,为期{ORD_ZH[r.randint(3, 5)]}天。"),
    (False, lambda c, r: f"线上平台累计访问量超过{r.randint(2, 90)}00万人次,网络直播观看人数创新高。"),
    (False, lambda c, r: f"全市固定资产投资同比增长{_pct(r)}%,其中工业投资增长{_pct(r)}%,增速居全省前列。"),
    (
        False,
        lambda c, r: (
            f"{c.city_zh}{'' if c.city_zh == c.prov_zh else '地处' + c.prov_zh + ','}交通区位优势明显,近年来持续推进产业转型升级,加快构建现代化产业体系。"
        ),
    ),
    (False, lambda c, r: f"1至{r.randint(3, 11)}月,全市社会消费品零售总额同比增长{_pct(r)}%。"),
    (False, lambda c, r: f"今年以来,全省实际使用外资同比增长{_pct(r)}%,外资结构持续优化。"),
    (False, lambda c, r: f"高新技术产业增加值占规模以上工业增加值的比重达到{_pct(r)}%。"),
    (True, lambda c, r: "签约项目涵盖先进制造、数字经济、现代服务业、绿色能源等多个领域,产业链协同效应明显。"),
    (True, lambda c, r: f"{zh_name(r)}说,与上届相比,本届签约项目规模更大、科技含量更高、产业链条更完整。"),
    (False, lambda c, r: f"展会期间,现场采购商达{r.randint(2, 30) * 100}余家,现场零售额达{r.randint(2, 90)}00万元。"),
    (False, lambda c, r: f"本届大会由商务部和{PROVINCES[c.province]['name_zh']}人民政府共同主办。"),
    (False, lambda c, r: "分析人士认为,这充分体现了国内外投资者对区域发展前景的信心。"),
]
ZH_NOISE_FREE = [f for proj, f in ZH_NOISE if not proj]
ZH_NOISE_ALL = [f for _proj, f in ZH_NOISE]


def zh_dateline(ctx):
    r = ctx.rng.random()
    if r < 0.4:
        return f"新华社{ctx.city_zh}{ctx.month}月{ctx.day}日电(记者{zh_name(ctx.rng)}) "
    if r < 0.7:
        return f"中新网{ctx.city_zh}{ctx.month}月{ctx.day}日电 "
    return f"{ctx.month}月{ctx.day}日,"


def zh_article(ctx, no_cohort: bool):
    rng = ctx.rng
    if no_cohort:
        ctx.total_n = ctx.total_m = None
        head = rng.choice([f"{ctx.city_zh}经济运行稳中向好", f"{ctx.prov_zh}外贸进出口保持增长", f"{ctx.ev_zh}开幕"])
        body = [f(ctx, rng) for f in rng.sample(ZH_NOISE_FREE, rng.randint(8, 17))]
        body[0] = zh_dateline(ctx) + body[0]
        return head, body
    lead = zh_lead(ctx)
    if ctx.total_n and ctx.total_m and rng.random() < 0.4:
        v = "签约" if ctx.stage == "signed" else "促成"
        head = f"{ctx.ev_zh}{v}项目{ctx.total_n}个 总投资{zh_cny(rng, ctx.total_m)}"
    else:
        head = rng.choice(
            [
                f"{ctx.ev_zh}圆满落幕",
                f"{ctx.city_zh}在{ctx.ev_zh}上收获丰硕成果",
                f"{ctx.ev_zh}成果丰硕",
                f"{ctx.ev_zh}签约成果发布",
            ]
        )
    body = assemble(ctx, zh_dateline(ctx) + lead, ZH_EXTRA_W, ZH_NOISE_ALL, 10, 25)
    return head, body


# --------------------------------------------------------------------------------------------
# rendering


def paragraphs(rng, body, lang):
    paras, cur = [], []
    for s in body:
        cur.append(s)
        if len(cur) >= rng.randint(1, 4):
            paras.append(("" if lang == "zh" else " ").join(cur))
            cur = []
    if cur:
        paras.append(("" if lang == "zh" else " ").join(cur))
    return paras


def render_txt(rng, ctx, head, paras):
    date = f"{ctx.year}-{ctx.month:02d}-{ctx.day:02d}"
    if ctx.lang == "en":
        meta = rng.choice(
            [
                f"Source: Xinhua | {date} | Editor: {en_name(rng)}",
                f"Release time: {date} Source: China Daily",
                f"Updated: {date}",
            ]
        )
        return head + "\n" + meta + "\n\n" + "\n\n".join(paras) + "\n"
    meta = rng.choice(
        [
            f"{date} 来源:{ctx.prov_zh}日报",
            f"发布时间:{date} 来源:新华网",
            f"{date} 09:{rng.randint(10, 59)} 来源:中国新闻网",
        ]
    )
    return head + "\n" + meta + "\n" + "\n".join(paras) + "\n"


HTML_HEAD = (
    '<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<title>{title}</title>\n</head>\n<body>\n<div class="header">\n'
    '<ul class="nav">{nav}</ul>\n</div>\n<div class="article">\n<h1>{title}</h1>\n'
    '<div class="info"><span class="time">{date}</span></div>\n<div class="content">\n'
)
HTML_FOOT = (
    '</div>\n</div>\n<div class="related"><h3>{rel}</h3><ul>{links}</ul></div>\n'
    '<div class="footer"><p><a href="/about/">{about}</a> | <a href="/contact/">'
    "{contact}</a></p><p>Copyright &copy; news.example.cn</p></div>\n</body>\n</html>\n"
)
NAV = {"en": ["Home", "China", "Business", "Regional", "Photos"], "zh": ["首页", "要闻", "财经", "地方", "图片"]}
RELATED = {
    "en": [
        "Trade fair boosts regional cooperation",
        "City unveils new opening-up measures",
        "Exports rise in the first quarter",
    ],
    "zh": ["对外开放水平持续提升", "营商环境不断优化", "一季度外贸实现开门红"],
}


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(rng, ctx, head, paras):
    lang = ctx.lang
    nav = "".join(f'<li><a href="/c{i}/">{x}</a></li>' for i, x in enumerate(NAV[lang]))
    links = "".join(f'<li><a href="/n/{rng.randint(10000, 99999)}.html">{x}</a></li>' for x in RELATED[lang])
    date = f"{ctx.year}-{ctx.month:02d}-{ctx.day:02d}"
    out = HTML_HEAD.format(lang="en" if lang == "en" else "zh-CN", title=_esc(head), nav=nav, date=date)
    out += "".join(f"<p>{_esc(p)}</p>\n" for p in paras)
    out += HTML_FOOT.format(
        rel="Related" if lang == "en" else "相关新闻",
        links=links,
        about="About us" if lang == "en" else "关于我们",
        contact="Contact" if lang == "en" else "联系我们",
    )
    return out


def render_json(rng, ctx, head, paras, idx):
    return json.dumps(
        {
            "title": head,
            "content": "\n".join(paras),
            "published_at": f"{ctx.year}-{ctx.month:02d}-{ctx.day:02d}",
            "url": f"https://news.example.cn/{ctx.year}/{idx:07d}.html",
        },
        ensure_ascii=False,
        indent=1,
    )


def make_article(rng, idx):
    """-> (base name, bytes, gold dict)"""
    lang = "en" if rng.random() < 0.5 else "zh"
    ctx = pick_context(rng, lang)
    no_cohort = rng.random() < 0.05
    head, body = (en_article if lang == "en" else zh_article)(ctx, no_cohort)
    paras = paragraphs(rng, body, lang)
    r = rng.random()
    enc = "utf-8"
    if r < 0.75:
        ext, text = "txt", render_txt(rng, ctx, head, paras)
        if lang == "zh" and rng.random() < 0.1:
            enc = "gb18030"
    elif r < 0.9:
        ext, text = "html", render_html(rng, ctx, head, paras)
    else:
        ext, text = "json", render_json(rng, ctx, head, paras, idx)
    name = f"{lang}_{idx:07d}.{ext}"
    gold = {"file": None, "lang": lang, "event": gold_event(ctx), "cohorts": ctx.cohorts}
    return name, text.encode(enc), gold


def gen_chunk(args):
    seed, chunk, start, stop, art_root = args
    rng = random.Random(f"newsetl-bench:{seed}:{chunk}")
    sub = f"{chunk:04d}"
    d = Path(art_root) / sub
    d.mkdir(parents=True, exist_ok=True)
    lines, nbytes = [], 0
    for idx in range(start, stop):
        name, data, gold = make_article(rng, idx)
        with open(d / name, "wb") as fh:
            fh.write(data)
        nbytes += len(data)
        gold["file"] = f"{sub}/{name}"
        lines.append(json.dumps(gold, ensure_ascii=False))
    return lines, nbytes


def generate(n: int, out: Path, seed: int = 1, workers: int | None = None) -> tuple[int, int]:
    art_root = out / "articles"
    art_root.mkdir(parents=True, exist_ok=True)
    jobs = [(seed, c, c * CHUNK, min(n, (c + 1) * CHUNK), str(art_root)) for c in range((n + CHUNK - 1) // CHUNK)]
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    total = 0
    with open(out / "gold.jsonl", "w", encoding="utf-8") as gf:
        if workers <= 1:
            results = map(gen_chunk, jobs)
            for lines, nb in results:
                gf.write("\n".join(lines) + "\n")
                total += nb
        else:
            with get_context("fork").Pool(workers) as pool:
                for lines, nb in pool.imap(gen_chunk, jobs):
                    gf.write("\n".join(lines) + "\n")
                    total += nb
    return n, total


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--clean", action="store_true", help="delete DIR first")
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)
    out = Path(args.out)
    if args.clean and out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    n, nbytes = generate(args.articles, out, args.seed, args.workers)
    dt = time.perf_counter() - t0
    print(
        f"generated {n} articles, {nbytes / 1e6:.1f} MB in {dt:.1f} s -> {out}/articles (gold: {out}/gold.jsonl)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
