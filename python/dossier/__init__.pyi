import os
from typing import Any, Iterable, Literal, Mapping, Sequence, Union

from .errors import (Error as Error, InputError as InputError, InputWarning as InputWarning,
                     InternalError as InternalError, LimitError as LimitError,
                     NotFoundError as NotFoundError, OptionError as OptionError)

__version__: str

# A path (file or folder), a text (bytes, or a str holding whitespace that names no
# path), or a document dict with "text" and optionally id/title/date/source/url.
InputItem = Union[str, bytes, bytearray, memoryview, os.PathLike[str], Mapping[str, Any]]
Inputs = Union[InputItem, Iterable[InputItem]]
Format = Literal["dict", "json", "markdown", "md", "html"]
Method = Literal["dossier", "lead", "roundrobin", "centroid", "lexrank", "textrank", "mmr"]
Protocol = Literal["multinews", "duc2004"]
Tokenize = Literal["rouge155", "unicode"]

def brief(inputs: Inputs, words: int = ..., method: Method = ..., format: Format = ..., *,
          settings: Mapping[str, float] | None = ..., data_dir: str | os.PathLike[str] | None = ...,
          analysis: bool = ..., max_input_bytes: int | None = ...,
          max_document_bytes: int | None = ..., max_docs: int | None = ...,
          language: str | None = ...) -> Any: ...
def brief_all(inputs: Inputs, words: int = ..., method: Method = ..., format: Format = ..., *,
              settings: Mapping[str, float] | None = ...,
              data_dir: str | os.PathLike[str] | None = ..., analysis: bool = ...,
              max_input_bytes: int | None = ..., max_document_bytes: int | None = ...,
              max_docs: int | None = ..., language: str | None = ...) -> list[Any]: ...
def extract(html: bytes | str, url: str | None = ..., *, max_input_bytes: int | None = ...,
            max_document_bytes: int | None = ...) -> dict[str, str | None]: ...
def cluster(articles: Inputs, **options: Any) -> list[dict[str, Any]]: ...
def digest(inputs: Inputs, output: str | os.PathLike[str] | None = ..., *, words: int = ...,
           min_articles: int = ..., max_story_docs: int = ..., restart: bool = ...,
           **options: Any) -> dict[str, Any]: ...
def rouge(system: str | Sequence[str], references: str | Sequence[str] | Sequence[Sequence[str]],
          protocol: Protocol = ..., *, jobs: int = ..., tokenize: Tokenize = ...,
          language: str | None = ...) -> dict[str, Any]: ...

class StoryClusterer:
    def __init__(self, **options: Any) -> None: ...
    def add(self, article: Inputs) -> int: ...
    def add_all(self, articles: Inputs) -> list[int]: ...
    def stories(self) -> list[dict[str, Any]]: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    def load(self, path: str | os.PathLike[str]) -> None: ...
    def __len__(self) -> int: ...
