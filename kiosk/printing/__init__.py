"""Print and documents: the specialist's summary of a submitted visit, for a printer or a PDF.

Qt GUI and PrintSupport only (documents, painters, printers), never widgets: a summary can be
built and written on a machine without a screen.
"""
