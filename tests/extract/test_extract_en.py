"""English cohort extractor: amount/count parsing tables and one golden sentence per phenomenon.

The golden sentences are written for these tests (not taken from the dev set); every assertion
is exact, so a rule change that alters any figure, label or parent link fails here.
"""

from __future__ import annotations

import pytest

from flows.core.extract.en.article import extract_en
from flows.core.extract.en.counts import find_counts
from flows.core.extract.en.numbers import find_amounts, word_to_int

B, M = 1e9, 1e6

AMOUNTS = [
    ("582.18 billion yuan", 582.18 * B, "CNY", False),
    ("RMB 175.1 billion", 175.1 * B, "CNY", False),
    ("¥252.4 billion", 252.4 * B, "CNY", False),
    ("$9.97 billion", 9.97 * B, "USD", False),
    ("US$ 70.19 billion", 70.19 * B, "USD", False),
    ("US$70.19 billion", 70.19 * B, "USD", False),
    ("US $5.85 billion", 5.85 * B, "USD", False),
    ("U.S.$3 billion", 3 * B, "USD", False),
    ("8.14 billion U.S. dollars", 8.14 * B, "USD", False),
    ("8.14 billion US dollars", 8.14 * B, "USD", False),
    ("91.1 bln USD", 91.1 * B, "USD", False),
    ("$1.45b", 1.45 * B, "USD", False),
    ("$450m", 450 * M, "USD", False),
    ("$2.3bn", 2.3 * B, "USD", False),
    ("1.06 trillion yuan", 1.06e12, "CNY", False),
    ("530 million yuan", 530 * M, "CNY", False),
    ("207.3 billion Chinese yuan", 207.3 * B, "CNY", False),
    ("USD 38 billion", 38 * B, "USD", False),
    ("4 billion 280 million yuan", 4.28 * B, "CNY", False),
    ("$158 billion 265 million", 158.265 * B, "USD", False),
    ("596 billion 300 million yuan", 596.3 * B, "CNY", False),
    ("1 trillion 20 billion yuan", 1.02e12, "CNY", False),
    ("more than 580 billion yuan", 580 * B, "CNY", True),
    ("over ¥5 billion", 5 * B, "CNY", True),
    ("nearly 12 billion yuan", 12 * B, "CNY", True),
    ("about 3.5 billion yuan", 3.5 * B, "CNY", True),
    ("around 700 million yuan", 700 * M, "CNY", True),
    ("in excess of USD 38 billion", 38 * B, "USD", True),
    ("up to 2 billion euros", 2 * B, "EUR", True),
    ("approximately RMB 9 billion", 9 * B, "CNY", True),
    ("almost 40 billion yuan", 40 * B, "CNY", True),
    ("at least ¥500 million", 500 * M, "CNY", True),
    ("a total of 66.2 billion yuan", 66.2 * B, "CNY", False),
    ("1.2 billion euros", 1.2 * B, "EUR", False),
    ("EUR 450 million", 450 * M, "EUR", False),
    ("€80 million", 80 * M, "EUR", False),
    ("HK$12 billion", 12 * B, "HKD", False),
    ("3 billion Hong Kong dollars", 3 * B, "HKD", False),
    ("50 billion yen", 50 * B, "JPY", False),
    ("2,500 million yuan", 2500 * M, "CNY", False),
    ("500,000 yuan", 500_000.0, "CNY", False),
    ("12 billion renminbi", 12 * B, "CNY", False),
    ("15 billion RMB", 15 * B, "CNY", False),
    ("CNY 3.3 billion", 3.3 * B, "CNY", False),
    ("two billion yuan", 2 * B, "CNY", False),
    ("twenty billion yuan", 20 * B, "CNY", False),
    ("1.5 Billion Yuan", 1.5 * B, "CNY", False),
    ("RMB35.6 billion", 35.6 * B, "CNY", False),
    ("Rmb3.2bn", 3.2 * B, "CNY", False),
    ("a 12-billion-yuan", 12 * B, "CNY", False),
    ("a $2-billion", 2 * B, "USD", False),
]


@pytest.mark.parametrize("text,value,currency,approx", AMOUNTS)
def test_amount_table(text, value, currency, approx):
    found = find_amounts(f"The deals are worth {text} in all.")
    assert len(found) == 1
    a = found[0]
    assert a.value == pytest.approx(value, rel=1e-9)
    assert (a.currency, a.approximate) == (currency, approx)


NOT_AMOUNTS = [
    "40%",
    "3 million tons",
    "2021",
    "1,400 guests",
    "the 12th expo",
    "18 percent",
    "an annual output of 3 million tons",
    "1,200 megawatts",
    "9.7 percentage points",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_amounts(text):
    assert find_amounts(f"They reported {text} this year.") == []


WORDS = [
    ("five", 5),
    ("Sixty-six", 66),
    ("ten", 10),
    ("twenty-three", 23),
    ("eight", 8),
    ("Two", 2),
    ("nineteen", 19),
    ("forty", 40),
    ("ninety-nine", 99),
    ("one hundred", 100),
    ("one hundred and five", 105),
    ("two hundred thirty-one", 231),
    ("three thousand", 3000),
    ("1,428", 1428),
    ("84", 84),
    ("seventeen", 17),
    ("Eleven", 11),
    ("fifty one", 51),
]


@pytest.mark.parametrize("text,value", WORDS)
def test_count_words(text, value):
    assert word_to_int(text) == value


COUNTS = [
    ("A total of 84 projects were signed.", [84]),
    ("The city signed 1,428 major projects.", [1428]),
    ("Sixty-six projects were inked on Friday.", [66]),
    ("They inked five contracted projects.", [5]),
    ("Projects signed online came to 66.", [66]),
    ("Projects worth over 1 billion yuan numbered 81.", [81]),
    ("Of the projects, 463 are industrial ones.", [463]),
    ("Of the signed projects, the other 26 were contracted off-site.", [26]),
    ("The fair has identified 220, all key projects.", [220]),
    ("It landed 12, 9 and 4 projects in three zones.", [12, 9, 4]),
    ("463 of the cooperative projects belong to new industries.", [463]),
    ("Guests from 24 countries and 1,400 guests came.", []),
    ("The event centred on ten emerging industries and promoted project signing.", []),
    ("Projects reached 81, 23 more than last year.", [81]),
    ("The 12th expo drew exhibitors from 19 provinces and 13 cities.", []),
    ("Intelligent manufacturing took 40% of the projects.", []),
    ("The 2022 major projects started on Sept 19.", []),
    ("They span more than 10 areas, among them new energy.", []),
    ("The top ten emerging industry projects were named.", []),
    ("Among them, software projects 7, total investment 4.5 billion yuan; logistics projects 3.", [7, 3]),
    ("Of the total, 19 were foreign-funded projects.", [19]),
    ("The average investment per project stood at 512 million yuan.", []),
]


@pytest.mark.parametrize("text,values", COUNTS)
def test_count_table(text, values):
    taken = [(a.start, a.end) for a in find_amounts(text)]
    assert [c.value for c in find_counts(text, taken)] == values


def rows(sentences):
    return [
        (m.project_count, m.amount, m.currency, m.stage, m.sector_code, m.size_min, m.size_max, m.parent)
        for m in extract_en(sentences)
    ]


def test_total_with_stage_and_evidence():
    s = ["A total of 84 projects worth 36.5 billion yuan were signed at the fair on Monday."]
    out = extract_en(s)
    assert rows(s) == [(84, 36.5 * B, "CNY", "signed", None, None, None, None)]
    assert (out[0].evidence, out[0].sentence_index, out[0].approximate) == (s[0], 0, False)


def test_approximate_headline_folds_into_precise_body():
    s = [
        "Trade fair lands deals worth more than 120 billion yuan",
        "The fair landed 215 projects with a combined investment of 121.36 billion yuan.",
        "In all, 215 projects were landed.",
    ]
    assert rows(s) == [(215, 121.36 * B, "CNY", "promoted", None, None, None, None)]


def test_among_them_subset_with_sector():
    s = [
        "The province promoted 215 projects worth 121.36 billion yuan this year.",
        "Among them, 48 advanced manufacturing projects were signed, with a total investment of 40.2 billion yuan.",
    ]
    assert rows(s) == [
        (215, 121.36 * B, "CNY", "promoted", None, None, None, None),
        (48, 40.2 * B, "CNY", "signed", "manufacturing", None, None, 0),
    ]


def test_of_which_in_same_sentence_inherits_parent_stage():
    s = [
        "Officials said 120 projects worth 300 billion yuan were signed, of which 45 projects, "
        "worth 150 billion yuan, are in new energy."
    ]
    assert rows(s) == [
        (120, 300 * B, "CNY", "signed", None, None, None, None),
        (45, 150 * B, "CNY", "signed", "new_energy", None, None, 0),
    ]


def test_respectively_pairs_lists():
    s = [
        "The eastern and western zones signed 30 and 18 projects, with investments of "
        "12.5 billion yuan and 7.2 billion yuan respectively."
    ]
    assert rows(s) == [
        (30, 12.5 * B, "CNY", "signed", None, None, None, None),
        (18, 7.2 * B, "CNY", "signed", None, None, None, None),
    ]


def test_parenthetical_conversion_is_alt():
    s = ["The county inked seven projects with a total investment of 6.3 billion yuan ($970 million) on Tuesday."]
    out = extract_en(s)
    assert rows(s) == [(7, 6.3 * B, "CNY", "signed", None, None, None, None)]
    assert (out[0].alt_amount, out[0].alt_currency) == (970 * M, "USD")


def test_each_band_not_amount():
    s = [
        "Deals for 40 projects were signed at the expo.",
        "Four of the projects each exceed 2 billion yuan ($310 million), while nine are above 500 million yuan.",
    ]
    assert rows(s) == [
        (40, None, None, "signed", None, None, None, None),
        (4, None, None, "signed", None, 2 * B, None, 0),
        (9, None, None, "signed", None, 500 * M, None, 0),
    ]


def test_between_band_and_and_above():
    s = [
        "Construction started on 52 major projects with a total investment of 71.3 billion yuan.",
        "Among them, 12 projects fall between 1 billion and 3 billion yuan apiece, and projects "
        "of 5 billion yuan and above numbered 4, with a combined value of 26 billion yuan.",
    ]
    assert rows(s) == [
        (52, 71.3 * B, "CNY", "started", None, None, None, None),
        (12, None, None, "started", None, 1 * B, 3 * B, 0),
        (4, 26 * B, "CNY", "started", None, 5 * B, None, 0),
    ]


def test_predicate_count_and_off_site_remainder():
    s = [
        "At the ceremony 70 projects worth 30 billion yuan were signed.",
        "Projects signed online came to 27, with a total value of 8.8 billion yuan, while the "
        "other 43 were contracted at the venue and totaled 21.2 billion yuan.",
    ]
    got = rows(s)
    assert [g[:5] for g in got] == [
        (70, 30 * B, "CNY", "signed", None),
        (27, 8.8 * B, "CNY", "signed", None),
        (43, 21.2 * B, "CNY", "signed", None),
    ]


def test_named_projects_are_cohorts_of_one():
    s = [
        "The district signed three projects worth 6.9 billion yuan.",
        "They include the riverside logistics park project, with an investment of 3.4 billion "
        "yuan; and the wetland tourism resort project, backed by 2.1 billion yuan.",
    ]
    out = extract_en(s)
    assert rows(s) == [
        (3, 6.9 * B, "CNY", "signed", None, None, None, None),
        (1, 3.4 * B, "CNY", "signed", "modern_services", None, None, 0),
        (1, 2.1 * B, "CNY", "signed", "culture_tourism", None, None, 0),
    ]
    assert out[1].project_name == "riverside logistics park project"


def test_machine_translated_compound_and_number_words():
    s = ["Sixty-six projects were inked, with a total investment of 12 billion 650 million yuan."]
    assert rows(s) == [(66, 12.65 * B, "CNY", "signed", None, None, None, None)]


def test_every_project_floor_goes_to_headline():
    s = [
        "A total of 40 projects worth 90 billion yuan were signed.",
        "Every project was valued at over 500 million yuan.",
    ]
    assert rows(s) == [(40, 90 * B, "CNY", "signed", None, 500 * M, None, None)]


def test_amount_only_cohort_and_negotiating():
    s = [
        "Projects from neighbouring provinces, worth 4.1 billion yuan, were also signed.",
        "Another 30 projects worth 25 billion yuan are under negotiation.",
    ]
    assert rows(s) == [
        (None, 4.1 * B, "CNY", "signed", None, None, None, None),
        (30, 25 * B, "CNY", "negotiating", None, None, None, None),
    ]


def test_completed_stage_and_title_conversion_folded():
    s = [
        "Zone completes $1.4b of projects",
        "Some 18 projects with a total investment of 9 billion yuan ($1.4 billion) were "
        "completed and put into production this year.",
    ]
    out = extract_en(s)
    assert rows(s) == [(18, 9 * B, "CNY", "completed", None, None, None, None)]
    assert out[0].approximate is True


def test_traps_give_nothing():
    s = [
        "Exhibitors from 35 countries and regions attended, and 1,200 guests took part.",
        "The number of deals grew by 15%, 23 more than last year.",
        "The plant has an annual output of 2 million tons and an output value of 5 billion yuan.",
        "The 9th expo focused on ten emerging industries across more than 10 areas.",
        "Investment rose by 12 billion yuan year on year, an average of 2 billion yuan per project.",
        "A fund of 10 billion yuan was set up on July 22, 2021.",
    ]
    assert extract_en(s) == []


def test_respectively_with_bare_number_list():
    s = [
        "Three counties signed 56, 34 and 21 projects, with investments of 12.5, 7.2 and 3.1 billion yuan respectively."
    ]
    assert rows(s) == [
        (56, 12.5 * B, "CNY", "signed", None, None, None, None),
        (34, 7.2 * B, "CNY", "signed", None, None, None, None),
        (21, 3.1 * B, "CNY", "signed", None, None, None, None),
    ]


def test_amount_before_count_and_of_the_total():
    s = [
        "Investment agreements totaling 18.5 billion yuan were signed for 37 projects.",
        "Of the total, foreign-funded projects numbered 11, with investment of $1.2 billion.",
    ]
    assert rows(s) == [
        (37, 18.5 * B, "CNY", "signed", None, None, None, None),
        (11, 1.2 * B, "USD", "signed", None, None, None, 0),
    ]


def test_adjectival_amount_is_one_named_project():
    s = [
        "The county signed 12 projects worth 20 billion yuan.",
        "The biggest, a 6-billion-yuan photovoltaic module plant in the east, will open in 2025.",
    ]
    out = extract_en(s)
    assert rows(s) == [
        (12, 20 * B, "CNY", "signed", None, None, None, None),
        (1, 6 * B, "CNY", "signed", "new_energy", None, None, None),
    ]
    assert out[1].project_name == "photovoltaic module plant"


def test_adjectival_fund_and_non_investment_figures_are_not_cohorts():
    s = [
        "A 5-billion-yuan industrial guidance fund was launched at the forum.",
        "Trade intentions reached 3.2 billion U.S. dollars during the fair.",
        "Trade between the two regions reached 81.2 billion yuan last year.",
        "Foreign direct investment in actual use expanded 6 percent to 21.4 billion yuan.",
        "The province's actual use of foreign investment reached 7.5 billion yuan.",
        "The projects will add 45 billion yuan to annual output value.",
        "Tentative deals worth 9.6 billion dollars were reached for purchases of goods.",
        "The average investment of a single project reached 1.8 billion yuan.",
    ]
    assert extract_en(s) == []


def test_named_one_project_with_a_and_which_will_invest():
    s = [
        "The district signed 9 projects worth 7 billion yuan.",
        "They include a regional headquarters of a shipping firm, which will invest 900 million "
        "yuan, and a smart logistics park backed by 1.1 billion yuan.",
    ]
    out = extract_en(s)
    assert rows(s) == [
        (9, 7 * B, "CNY", "signed", None, None, None, None),
        (1, 900 * M, "CNY", "signed", "modern_services", None, None, 0),
        (1, 1.1 * B, "CNY", "signed", "modern_services", None, None, 0),
    ]
    assert [m.project_name for m in out[1:]] == ["regional headquarters", "smart logistics park"]


def test_machine_translated_project_tables():
    s = [
        "The zone signed 20 projects with total investment about 30 billion yuan.",
        "Among them, new materials projects 6, total investment 9.1 billion yuan; new energy "
        "projects 5, total investment 7.4 billion yuan.",
    ]
    assert rows(s) == [
        (20, 30 * B, "CNY", "signed", None, None, None, None),
        (6, 9.1 * B, "CNY", "signed", "new_materials", None, None, 0),
        (5, 7.4 * B, "CNY", "signed", "new_energy", None, None, 0),
    ]


def test_with_investment_of_more_than_round_threshold_is_a_band():
    s = ["There were 14 projects with investment of more than 5 billion yuan."]
    assert rows(s)[0][:2] + rows(s)[0][5:7] == (14, None, 5 * B, None)
    s = ["Sixty projects with investment of more than 180 billion yuan were signed."]
    assert rows(s) == [(60, 180 * B, "CNY", "signed", None, None, None, None)]


def test_are_under_is_an_upper_band():
    s = [
        "The city signed 40 projects worth 22 billion yuan.",
        "By scale, 8 projects are above 1 billion yuan, and the remaining 32 are under 500 million yuan.",
    ]
    assert rows(s) == [
        (40, 22 * B, "CNY", "signed", None, None, None, None),
        (8, None, None, "signed", None, 1 * B, None, 0),
        (32, None, None, "signed", None, None, 500 * M, 0),
    ]


def test_later_cohort_takes_the_stage_after_its_figures():
    s = [
        "Meanwhile, 25 projects worth 9 billion yuan started construction and 11 projects worth "
        "4 billion yuan were completed and put into operation."
    ]
    assert [r[:4] for r in rows(s)] == [(25, 9 * B, "CNY", "started"), (11, 4 * B, "CNY", "completed")]


def test_respectively_sectors_come_from_each_count_phrase():
    s = [
        "Of these, 40 industrial projects, 25 infrastructure projects and 12 livelihood projects "
        "have total investments of 50 billion yuan, 30 billion yuan and 6 billion yuan, "
        "respectively."
    ]
    assert [(r[0], r[4]) for r in rows(s)] == [(40, "manufacturing"), (25, "infrastructure"), (12, "livelihood")]


def test_sector_after_are_and_cover_but_not_from_an_appositive():
    s = [
        "The county signed 10 projects worth 3 billion yuan.",
        "Six of the signed projects, or 60 percent, are agricultural projects.",
        "Two of the projects, a tea processing base and a new materials plant, are each worth "
        "more than 300 million yuan.",
        "The other four projects cover tourism and logistics.",
    ]
    assert [(r[0], r[4], r[5]) for r in rows(s)] == [
        (10, None, None),
        (6, "food_agriculture", None),
        (2, None, 300 * M),
        (4, "culture_tourism", None),
    ]


def test_related_links_and_headline_blends_are_not_read():
    s = [
        "Expo seals 30 deals, Korean investment tops 2 billion dollars",
        "Thirty projects with a total investment of 25 billion yuan were signed.",
        "They include 9 Korean-funded projects with total investment of 2 billion dollars.",
        "Related links:",
        "Province signs 500 projects worth 900 billion yuan at trade fair",
    ]
    assert rows(s) == [
        (30, 25 * B, "CNY", "signed", None, None, None, None),
        (9, 2 * B, "USD", "signed", None, None, None, 0),
    ]


def test_rounded_headline_with_same_count_folds_into_precise_body():
    s = [
        "Fair signs 212 projects with a total amount of 98.5 billion yuan",
        "During the fair, 212 projects were signed in total, with a contract amount of 98.53 billion yuan.",
        "In addition, 14 projects worth 6 billion yuan are under further negotiation.",
    ]
    assert rows(s) == [
        (212, 98.53 * B, "CNY", "signed", None, None, None, None),
        (14, 6 * B, "CNY", "negotiating", None, None, None, None),
    ]


def test_event_name_words_do_not_become_a_sector():
    got = extract_en(
        [
            "A total of 120 projects worth 80 billion yuan were signed at the 2023 "
            "World Intelligent Manufacturing Convention in Tianjin."
        ]
    )
    assert [(m.project_count, m.amount, m.sector_code) for m in got] == [(120, 80e9, None)]


def brief(sentences):
    """(count, amount rounded to the yuan, currency, sector, size_min, name) per cohort."""
    return [
        (
            m.project_count,
            None if m.amount is None else round(m.amount),
            m.currency,
            m.sector_code,
            m.size_min,
            m.project_name,
        )
        for m in extract_en(sentences)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Machinery, cold-chain logistics and rural tourism projects numbered 14, 9 and 6 "
        "respectively, with investment of 4.2 billion, 1.5 billion and 700 million yuan.",
        "The numbers of machinery, cold-chain logistics and rural tourism projects were 14, 9 and 6 "
        "respectively, involving 4.2 billion yuan, 1.5 billion yuan and 700 million yuan.",
        "Projects in machinery, cold-chain logistics and rural tourism came to 14, 9 and 6, "
        "worth RMB 4.2 billion, RMB 1.5 billion and RMB 700 million respectively.",
    ],
)
def test_respectively_sector_list_names_each_cohort(sentence):
    assert [(c, a, cur, sec) for c, a, cur, sec, _, _ in brief([sentence])] == [
        (14, 4_200_000_000, "CNY", None),  # 'machinery' is no sector term
        (9, 1_500_000_000, "CNY", "modern_services"),
        (6, 700_000_000, "CNY", "culture_tourism"),
    ]


def test_respectively_sector_list_between_counts_and_amounts():
    s = [
        "In the first half, 14, 9 and 6 projects were signed in equipment manufacturing, "
        "cold-chain logistics and rural tourism, with investment of 4.2 billion, 1.5 billion and "
        "700 million yuan respectively."
    ]
    assert [(c, a, sec) for c, a, _, sec, _, _ in brief(s)] == [
        (14, 4_200_000_000, "high_end_equipment"),
        (9, 1_500_000_000, "modern_services"),
        (6, 700_000_000, "culture_tourism"),
    ]


def test_respectively_list_with_compound_sector_names():
    s = [
        "Culture and tourism, energy saving and environmental protection and industrial projects "
        "numbered 21, 13 and 40 respectively, with investment of 9.5 billion yuan, 6.1 billion "
        "yuan and 30.2 billion yuan."
    ]
    assert [(c, a, sec) for c, a, _, sec, _, _ in brief(s)] == [
        (21, 9_500_000_000, "culture_tourism"),
        (13, 6_100_000_000, "energy_saving_environmental"),
        (40, 30_200_000_000, "manufacturing"),
    ]


def test_respectively_list_after_a_headline_count():
    s = [
        "A total of 60 projects were signed, of which new energy and biomedicine projects "
        "numbered 22 and 15 respectively, worth 11 billion yuan and 4.4 billion yuan."
    ]
    assert [(c, a, sec) for c, a, _, sec, _, _ in brief(s)] == [
        (60, None, None),
        (22, 11_000_000_000, "new_energy"),
        (15, 4_400_000_000, "biomedicine"),
    ]


def test_respectively_amounts_only_take_the_list():
    s = [
        "Investment in chip, new materials and logistics projects was 8 billion yuan, 5 billion "
        "yuan and 2 billion yuan respectively."
    ]
    assert [(c, a, sec) for c, a, _, sec, _, _ in brief(s)] == [
        (None, 8_000_000_000, "semiconductors"),
        (None, 5_000_000_000, "new_materials"),
        (None, 2_000_000_000, "modern_services"),
    ]


def test_numbers_before_percentages_are_no_count_list():
    s = ["Manufacturing and tourism projects accounted for 60 percent and 25 percent respectively."]
    assert brief(s) == []


@pytest.mark.parametrize(
    "sentences, expected",
    [
        (
            ["Major projects include the Lanxi wind turbine plant with an investment of 3.3 billion yuan."],
            [(1, 3_300_000_000, "Lanxi wind turbine plant")],
        ),
        (
            [
                "Key projects include the Qiaotou chip packaging project worth 1 billion yuan and the "
                "Beihu industrial park with a total investment of 800 million yuan."
            ],
            [(1, 1_000_000_000, "Qiaotou chip packaging project"), (1, 800_000_000, "Beihu industrial park")],
        ),
        (
            ["The signed projects included the Dongfang pharmaceutical base, which will invest 3.6 billion yuan."],
            [(1, 3_600_000_000, "Dongfang pharmaceutical base")],
        ),
        (
            ["Flagship projects such as the Nanwan data center, with investment of RMB 12 billion, were signed."],
            [(1, 12_000_000_000, "Nanwan data center")],
        ),
    ],
)
def test_named_project_after_a_plural_subject_is_a_cohort_of_one(sentences, expected):
    assert [(c, a, n) for c, a, _, _, _, n in brief(sentences)] == expected


def test_plural_projects_after_include_stay_a_cohort():
    s = ["Major projects include the industrial park projects with a total investment of 5 billion yuan."]
    assert [(c, a, n) for c, a, _, _, _, n in brief(s)] == [(None, 5_000_000_000, None)]


@pytest.mark.parametrize(
    "sentence, count, amount, floor",
    [
        (
            "Nineteen projects worth over 5 billion yuan each have a combined investment of 160.2 billion yuan.",
            19,
            160_200_000_000,
            5e9,
        ),
        (
            "A total of 12 projects valued at more than 1 billion yuan apiece carry a total investment "
            "of 40.5 billion yuan.",
            12,
            40_500_000_000,
            1e9,
        ),
        (
            "The 8 projects of over 10 billion yuan each with an aggregate investment of RMB 120 "
            "billion were signed on Friday.",
            8,
            120_000_000_000,
            1e10,
        ),
        (
            "Seven projects are worth over 2 billion yuan each, with a combined investment of 30 billion yuan.",
            7,
            30_000_000_000,
            2e9,
        ),
    ],
)
def test_size_band_then_combined_amount_is_one_cohort(sentence, count, amount, floor):
    assert [(c, a, lo) for c, a, _, _, lo, _ in brief([sentence])] == [(count, amount, floor)]


def test_each_before_total_wording_still_bands_a_count():
    s = ["There were 37 projects each with a total investment of over 1 billion yuan."]
    assert [(c, a, lo) for c, a, _, _, lo, _ in brief(s)] == [(37, None, 1e9)]


def test_absurdly_long_numbers_are_not_counts():
    assert extract_en(["1" * 10000 + " projects were signed."]) == []


def test_repaired_sentences_map_back_to_the_sentences_given():
    """A dropped furniture line and a footnote split that balance out still map each cohort
    back to the sentence it came from."""
    sentences = [
        "English English",
        "The city signed 30 projects worth 5 billion yuan on Monday.",
        "Of them, 12 are worth 3 billion yuan [1] - The remaining 18 are worth 2 billion yuan.",
    ]
    found = extract_en(sentences)
    assert {m.amount: m.sentence_index for m in found} == {5e9: 1, 3e9: 2, 2e9: 2}
