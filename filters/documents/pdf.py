"""The text layer of a PDF, so that a PDF document is screened like any text.

A PDF without one (a scan: pages that are images) gives None: the gateway cannot read it, and the
attachments policy refuses it as it refuses any unreadable document. So does a PDF pypdf cannot open
or an encrypted one.
"""

from __future__ import annotations

import io
import logging

MAX_PAGES = 500      # a longer document is refused rather than read for seconds

logging.getLogger("pypdf").setLevel(logging.ERROR)   # pypdf warns about every odd PDF; never about content


def pdf_text(data: bytes) -> str | None:
    """The document's text, pages separated by blank lines; None when it has no readable text layer."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted or len(reader.pages) > MAX_PAGES:
            return None
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    return text or None
