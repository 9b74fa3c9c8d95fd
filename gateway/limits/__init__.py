"""Limits, budgets and spend (AUP I.B.d): requests and tokens per minute, budgets per period in tokens and
money, per key (by name), per user and per tenant.

`config` holds the config's `limits:` section and the price file's models; `prices` prices a model's
tokens; `meters` turns a request into the counters it takes; `counters` keeps them (memory, a SQLite
file shared by the server processes of one host, or Redis for every replica); `step` is the chain's
step that takes them before forwarding and settles them from the provider's usage after the answer.
Nothing here is imported by `gateway.config` but `config`, so that the package has no import circle.
"""
