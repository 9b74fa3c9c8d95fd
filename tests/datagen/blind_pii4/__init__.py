"""The fourth blind PII/secrets set: written from issue #10 and the data classes, blind to the recognizers.

    .venv/bin/python -m tests.datagen.blind_pii4          # writes tests/data/blind_pii4/blind_pii_{dev,test}.jsonl
    .venv/bin/python -m tests.datagen.blind_pii4 --only dev
"""
