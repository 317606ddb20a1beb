"""Tests of the printed documents: real PDFs, read back as a specialist would read them."""
