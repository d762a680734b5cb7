#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
from .core import run

__version__ = "0.1.0"
__maturity__ = "development"
