"""Random edits of every kind to a synthetic corpus: after each, the editor's loop leaves docs/ as a full run would.

The corpus (bench/corpus.py) has many more names, mentions and citations per page than the seed site,
so an input that a page reads but does not declare shows up here as a page that differs.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import copy_project
from test_session import docs_files, full_run

from bench.corpus import write_corpus
from generator.pipeline import Project
from generator.session import Session

pytestmark = pytest.mark.slow

ARTICLES = 12
EDITS = 24


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class Dumper(yaml.SafeDumper):
    """Writes shared values out in full: the inputs allow no YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(path: Path, data: Any) -> None:
    path.write_text(yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8")


class Editor:
    """Makes one random, valid edit at a time to a corpus under `seeds`."""

    def __init__(self, seeds: Path, rng: random.Random) -> None:
        self.seeds, self.rng = seeds, rng
        self.count = 0

    def fresh_word(self) -> str:
        self.count += 1
        return f"Quorvex{self.count}"

    def one_of(self, folder: str, pattern: str = "*.yml") -> Path:
        return self.rng.choice(sorted((self.seeds / folder).glob(pattern)))

    def entities(self) -> tuple[Path, dict[str, Any], dict[str, Any]]:
        path = self.one_of("entities")
        data = load(path)
        return path, data, self.rng.choice(data["entities"])

    def taken_names(self) -> set[str]:
        names: set[str] = set()
        for path in (self.seeds / "entities").glob("*.yml"):
            for entity in load(path)["entities"]:
                names.add(entity["name"])
                names.update(a if isinstance(a, str) else a["name"] for a in entity.get("aliases", []))
        return names

    def printed_word(self) -> str:
        """A capitalised word that an article prints."""
        text = self.one_of("articles", "*.txt").read_text(encoding="utf-8").split("\n\n", 3)[-1]
        words = sorted({word.strip(".,;:“”\"") for word in text.split() if word[:1].isupper()})
        return self.rng.choice([word for word in words if len(word) > 3] or ["Nobody"])

    def entity_description(self) -> None:
        path, data, entity = self.entities()
        entity["description"] += f" {self.fresh_word()}."
        dump(path, data)

    def entity_renamed(self) -> None:
        path, data, entity = self.entities()
        entity["name"] = f"{self.fresh_word()} {entity['name']}"
        dump(path, data)

    def alias_added(self) -> None:
        word = self.printed_word()
        if word in self.taken_names():
            return self.alias_removed()
        path, data, entity = self.entities()
        entity.setdefault("aliases", []).append(word)
        dump(path, data)
        return None

    def alias_removed(self) -> None:
        path, data, entity = self.entities()
        if entity.get("aliases"):
            entity["aliases"].pop(self.rng.randrange(len(entity["aliases"])))
        dump(path, data)

    def source_title(self) -> None:
        path = self.one_of("sources")
        data = load(path)
        self.rng.choice(data["sources"])["title"] += f" {self.fresh_word()}"
        dump(path, data)

    def topic_fact(self) -> None:
        path = self.one_of("topics")
        data = load(path)
        _, _, entity = self.entities()
        section = self.rng.choice(data["sections"])
        self.rng.choice(section["facts"])["text"] += f" {entity['name']} took part."
        dump(path, data)

    def topic_title(self) -> None:
        path = self.one_of("topics")
        data = load(path)
        data["title"] = f"{self.fresh_word()} {data['title']}"
        dump(path, data)

    def article_text(self) -> None:
        path = self.one_of("articles", "*.txt")
        _, _, entity = self.entities()
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\nLater, {entity['name']} spoke to "
                        "reporters.\n", encoding="utf-8")

    def sidecar_claim(self) -> None:
        path = self.one_of("articles")
        data = load(path)
        claim = self.rng.choice(data["claims"])
        claim["verdict"] = self.rng.choice([v for v in ("accurate", "inaccurate", "garbled") if v != claim["verdict"]])
        dump(path, data)

    def glossary_definition(self) -> None:
        path = self.one_of("glossary")
        data = load(path)
        self.rng.choice(data["terms"])["definition"] += f" {self.fresh_word()}."
        dump(path, data)

    def glossary_term_added(self) -> None:
        path = self.one_of("glossary")
        data = load(path)
        word = self.printed_word()
        if any(word in (term["term"], *term.get("aliases", [])) for term in data["terms"]):
            return self.glossary_definition()
        sources = data["terms"][0]["sources"]
        data["terms"].append({"id": f"term-{self.fresh_word().lower()}", "term": word, "definition": "A word.",
                              "sources": sources})
        dump(path, data)
        return None

    def event_date(self) -> None:
        path = self.one_of("events")
        data = load(path)
        event = self.rng.choice(data["events"])
        event["date"] = event["date"].replace(year=event["date"].year - self.rng.randint(1, 30))
        dump(path, data)

    def article_removed(self) -> None:
        text = self.one_of("articles", "*.txt")
        if len(list((self.seeds / "articles").glob("*.txt"))) > 3:
            text.unlink()
            text.with_suffix(".yml").unlink(missing_ok=True)

    def edits(self) -> list[Callable[[], None]]:
        return [self.entity_description, self.entity_renamed, self.alias_added, self.alias_removed,
                self.source_title, self.topic_fact, self.topic_title, self.article_text, self.sidecar_claim,
                self.glossary_definition, self.glossary_term_added, self.event_date, self.article_removed]


@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_stay_equal_to_full_runs(tmp_path: Path, seed: int) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES, seed=seed)
    project = copy_project(tmp_path / "project", corpus)
    session = Session(Project.at(project))
    session.run()
    editor = Editor(project / "seeds", random.Random(seed))
    done = []
    for number in range(EDITS):
        change = editor.rng.choice(editor.edits())
        change()
        done.append(change.__name__)
        report = session.run()
        expected = full_run(project, tmp_path / f"full-{number}")
        actual = docs_files(project / "docs")
        differing = sorted(path for path in expected.keys() | actual.keys() if expected.get(path) != actual.get(path))
        assert differing == [], f"after {done}: pages that differ from a full run: {differing}"
        pages = [path for path in report.rendered if path in report.pages]  # the share cards aside
        assert len(pages) < len(report.pages) or change.__name__ in ("entity_renamed", "alias_added")
        shutil.rmtree(tmp_path / f"full-{number}")
