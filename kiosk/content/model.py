"""Typed, frozen content: the structure written once, and the words each language supplies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from kiosk.content.screen_words import SummaryWords, UiWords
from kiosk.content.settings import Settings
from kiosk.content.staff_words import StaffWords
from kiosk.content.theme import Theme
from kiosk.intake.questionnaire import Questionnaire, QuestionnaireWords
from kiosk.intake.rules import Rules, RulesWords

if TYPE_CHECKING:
    import yaml

    from kiosk.decoding.decode import Decoder

BlockKind = Literal["text", "heading", "bullets"]


@dataclass(frozen=True, slots=True)
class SectionPlan:
    """Where a section sits and which pictures it has; the same in every language."""

    id: str
    icon: str
    illustration: str | None = None


@dataclass(frozen=True, slots=True)
class Structure:
    """The content's skeleton: languages and the education sections in reading order."""

    languages: tuple[str, ...]
    default_language: str
    sections: tuple[SectionPlan, ...]
    home_illustration: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of a section's body: a paragraph, a sub-heading or a list of points."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()

    KINDS: ClassVar[tuple[str, ...]] = ("text", "heading", "bullets")

    @classmethod
    def from_node(cls, decoder: Decoder, node: yaml.Node, path: str) -> Any:
        from kiosk.decoding.decode import INVALID
        from kiosk.decoding.errors import did_you_mean

        pairs = decoder.pairs(node, path)
        if pairs is None:
            return INVALID
        if len(pairs) != 1:
            keys = ", ".join(k for k, _, _ in pairs) or "none"
            decoder.error(node, path, f"a block has one of text, heading, bullets; got {keys}")
            return INVALID
        key, key_node, value = pairs[0]
        if key not in cls.KINDS:
            decoder.error(key_node, f"{path}.{key}", "unknown block" + did_you_mean(key, cls.KINDS))
            return INVALID
        if key == "bullets":
            items = decoder.decode(value, tuple[str, ...], f"{path}.bullets")
            return INVALID if items is INVALID else cls("bullets", items=items)
        text = decoder.decode(value, str, f"{path}.{key}")
        return INVALID if text is INVALID else cls(key, text=text)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SectionWords:
    """One language's words for one education section."""

    title: str
    tile: str
    highlight: str
    body: tuple[Block, ...]
    picture: str | None = None

    def plain_text(self) -> str:
        """Title and body as sentences, for reading-level checks and search."""
        parts = [self.title]
        for block in self.body:
            parts.extend(block.items if block.kind == "bullets" else [block.text])
        return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class EducationWords:
    """One language's education file: the disclaimer and every section's words."""

    disclaimer: str
    sections: dict[str, SectionWords]




@dataclass(frozen=True, slots=True)
class LanguageWords:
    """All the words of one language."""

    code: str
    ui: UiWords
    education: EducationWords
    questionnaire: QuestionnaireWords
    rules: RulesWords
    summary: SummaryWords
    staff: StaffWords


@dataclass(frozen=True, slots=True)
class Section:
    """A section as a screen shows it: its plan and the words of the language in use."""

    number: int
    plan: SectionPlan
    words: SectionWords

    @property
    def id(self) -> str:
        return self.plan.id


@dataclass(frozen=True, slots=True)
class Content:
    """Validated content, ready for screens; built only when every file is correct."""

    root: Path
    structure: Structure
    languages: dict[str, LanguageWords]
    questionnaire: Questionnaire
    rules: Rules

    def words(self, language: str) -> LanguageWords:
        return self.languages[language]

    def sections(self, language: str) -> tuple[Section, ...]:
        education = self.languages[language].education
        return tuple(
            Section(i + 1, plan, education.sections[plan.id])
            for i, plan in enumerate(self.structure.sections)
        )

    def illustration_path(self, name: str) -> Path:
        return self.root / "illustrations" / name


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything the kiosk needs from disk, all validated."""

    content: Content
    settings: Settings
    theme: Theme
