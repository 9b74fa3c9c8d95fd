"""Documents whose text can be read: PDFs with a text layer (pypdf)."""

from filters.documents.pdf import pdf_text

__all__ = ["pdf_text"]
