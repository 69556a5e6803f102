"""The user errors the CLI turns into one line on stderr and exit status 2.

Anything else that escapes is a bug and is allowed to raise normally.
"""

from __future__ import annotations


class TranslatorError(Exception):
    """A problem the user can fix: a bad file, a missing option, an unwritable folder."""


class InputFileError(TranslatorError):
    """The CV file cannot be read."""


class UnsupportedFormatError(InputFileError):
    """The file type is not one we read."""


class NoCVFoundError(InputFileError):
    """The file was read but holds nothing that looks like a CV."""


class TemplateCVError(NoCVFoundError):
    """The file is a CV template: placeholders where the physician's own details go."""


class NameMissingError(TranslatorError):
    """The CV shows no name and none was given; every output is addressed from it."""


class OutputError(TranslatorError):
    """The output cannot be written where the user asked."""


class ConfigError(TranslatorError):
    """A rule, glossary or role file is malformed."""


class AnswersError(TranslatorError):
    """The answers file is malformed or names a bullet or suggestion the report does not have."""
