"""A third blind labelled set for PII and secrets, written without reading the gateway's recognizers (issue #10)."""
