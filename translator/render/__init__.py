"""Outputs: the .docx resume and the text documents, from a Report."""
