"""Jinja templates compiled once: in memory for the process, and on disk across runs.

Why: compiling Jinja was most of ``check`` (issue 21): every run compiled the macro files and each
page's body again, and each MkDocs build Material's templates. Jinja's own ``BytecodeCache`` keeps
the compiled code in ``.cache/jinja/`` beside the inputs. An entry is found by a digest of the
compiler's settings (Jinja's and Python's versions, the environment's syntax options and
extensions), the template's name and file, and its **content**; it is used only if Jinja's checksum
of the content still matches. An edited template therefore never finds its old code: it is
compiled again and stored under its new content. Nothing is written if the folder cannot be
(a read-only checkout builds as before, only without the saving).
"""
from __future__ import annotations

import hashlib
import io
import marshal
import pickle
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache, bc_magic

CACHE_FOLDER = Path(".cache") / "jinja"


def compiler_settings(environment: jinja2.Environment) -> str:
    """Everything besides a template's text that changes the code Jinja compiles it to."""
    settings = (
        jinja2.__version__,
        sys.version,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        environment.finalize is not None,
        repr(environment.autoescape) if isinstance(environment.autoescape, bool) else "callable",
        tuple(sorted(environment.extensions)),
    )
    return repr(settings)


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file bytecode cache, keyed by content and compiler settings; writing is best-effort."""

    def __init__(self, folder: Path):
        super().__init__(str(folder), "%s.jinja")

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        checksum = self.get_source_checksum(source)
        digest = hashlib.sha256()
        for part in (compiler_settings(environment), name, filename or "", checksum):
            digest.update(part.encode("utf-8") + b"\0")
        bucket = Bucket(environment, digest.hexdigest(), checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Jinja's entry (its header, the content's checksum, then the marshalled code), read at
        once: ``marshal.load`` on a file, as Jinja calls it, reads the code piece by piece, four
        times slower than ``marshal.loads`` on its bytes (issue 33: a check loads some fifty)."""
        try:
            entry = Path(self._get_cache_filename(bucket)).read_bytes()
            header = io.BytesIO(entry)
            # The project's own entries, read as Jinja itself reads them (and Python its .pyc files).
            checksum = pickle.load(header) if header.read(len(bc_magic)) == bc_magic else None  # noqa: S301
            if checksum != bucket.checksum:
                return  # another version of Jinja's entry, or another content's: compile again
            bucket.code = marshal.loads(entry[header.tell() :])  # noqa: S302
        except FileNotFoundError:
            return  # not compiled yet
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # an unreadable or damaged entry: compile again

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # a read-only or full disk: the template is compiled again next time


def template_cache(root: Path) -> TemplateCache | None:
    """The bytecode cache of the repository at ``root``, or None if its folder cannot be made."""
    folder = root / CACHE_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(folder)


def compile_page(environment: jinja2.Environment, source: str) -> jinja2.Template:
    """``environment.from_string(source)`` through the environment's bytecode cache: a page's body is
    a template with no file, so Jinja's loaders never cache it. Same code, same error messages."""
    cache = environment.bytecode_cache
    if cache is None:
        return environment.from_string(source)
    bucket = cache.get_bucket(environment, "<page>", None, source)
    code = bucket.code
    if code is None:
        code = environment.compile(source)
        bucket.code = code
        cache.set_bucket(bucket)
    return environment.template_class.from_code(environment, code, environment.make_globals(None), None)
