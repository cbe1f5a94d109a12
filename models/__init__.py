"""Shipped model files (this folder is installed as the package `framing.models`)."""
