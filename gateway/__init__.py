"""magic-gateway: a data-usage gateway between LLM clients and providers."""

__version__ = "0.1.0"
