"""`python -m flows.cli`: the `newsetl` command line without the console script."""

from flows.cli import main

if __name__ == "__main__":
    main()
