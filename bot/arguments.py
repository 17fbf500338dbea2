"""Argument types shared by the subcommands (one place for how a date is typed on the command line)."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(value: str) -> date:
    """`--as-of 2020-06-01`: an ISO date, or a Chinese usage error from argparse."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{value}") from None
