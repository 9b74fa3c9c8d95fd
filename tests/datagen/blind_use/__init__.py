"""Blind restricted-use data: hand-written prompts, written without reading the rules or the classifier.

See README.md in this folder for who wrote it, the counts and how to regenerate it.
"""
