"""Analysis of a request's text segments: data classes, findings, use rules, the policy decision.

Pure and synchronous: nothing here does I/O or knows about HTTP.
"""
