"""Verdicts: one small named rule per claim type, run by `engine.check_claim`."""

from checks.verdicts.base import CheckContext, Services
from checks.verdicts.engine import RULES, check_claim

__all__ = ["RULES", "CheckContext", "Services", "check_claim"]
