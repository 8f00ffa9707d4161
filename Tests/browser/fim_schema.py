"""What a form built from a FIM Stammdatenschema (XDatenfelder 3.0.0) must contain, read with
Python's ElementTree, independently of the Swift loader (output contract v2, "Forms from a FIM
Stammdatenschema").

- ``schema_services(content)``: the services naming a schema with ``form_schema:`` (slug, file).
- ``load_codelists(folder)``: the genericode files of ``forms/codelists/`` by ``CanonicalUri``.
- ``read_schema(path, codelists)``: a ``Schema`` with every ``datenfeld`` the structure reaches
  (``Field``: name path, label text, optional flag, feldart, datentyp, select codes, …) and every
  group occurrence (``Group``), in form order.
- ``text_value(field, second=False)``: a value that satisfies the field's ``praezisierung``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field as dc_field
from pathlib import Path

try:  # Python 3.11+: the regex parser lives in re._parser (sre_parse is deprecated)
    from re import _constants as sre_constants, _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

XDF = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0"
NS = {"x": XDF}
CONTROL_KINDS = ("input", "select", "locked")  # feldart values that make a control
DATE_PARTS = ("tag", "monat", "jahr")


def norm(text: str | None) -> str:
    """Whitespace-normalised text (every run of white space, NBSP included, becomes one space)."""
    return re.sub(r"\s+", " ", text or "").strip()


# --------------------------------------------------------------------------------------------
# Services and code lists
# --------------------------------------------------------------------------------------------

def _front_matter(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        return []
    out = []
    for line in lines[1:]:
        if line.strip() == "---":
            break
        out.append(line)
    return out


def schema_services(content: Path) -> list[tuple[str, Path]]:
    """(slug, schema file) of every service whose front matter has ``form_schema:``, by slug."""
    found = []
    for md in sorted((content / "services").glob("*.md")):
        if md.name.endswith((".en.md", ".ls.md")):
            continue
        for line in _front_matter(md):
            m = re.match(r"form_schema:\s*(.*)$", line)
            if m:
                value = re.sub(r"\s+#.*$", "", m.group(1)).strip().strip("\"'")
                if value:
                    found.append((md.name[:-3], content / value))
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@dataclass
class CodeList:
    uri: str
    file: str
    key_column: str
    codes: list[str]


def load_codelists(folder: Path) -> dict[str, CodeList]:
    """Genericode files by ``Identification/CanonicalUri``; codes from the first ``Key``'s column."""
    lists: dict[str, CodeList] = {}
    if not folder.is_dir():
        return lists
    for path in sorted(folder.glob("*.xml")):
        root = ET.parse(path).getroot()
        ident = next((e for e in root if _local(e.tag) == "Identification"), None)
        uri = next((norm(e.text) for e in ident if _local(e.tag) == "CanonicalUri"), None) if ident is not None else None
        column_set = next((e for e in root if _local(e.tag) == "ColumnSet"), None)
        key = next((e for e in column_set if _local(e.tag) == "Key"), None) if column_set is not None else None
        ref = next((e.get("Ref") for e in key if _local(e.tag) == "ColumnRef"), None) if key is not None else None
        if not uri or not ref:
            continue
        codes = []
        for row in (e for e in root.iter() if _local(e.tag) == "Row"):
            for value in row:
                if _local(value.tag) == "Value" and value.get("ColumnRef") == ref:
                    codes.append(norm("".join(value.itertext())))
        lists[uri] = CodeList(uri=uri, file=path.name, key_column=ref, codes=codes)
    return lists


# --------------------------------------------------------------------------------------------
# The schema
# --------------------------------------------------------------------------------------------

@dataclass
class Occurs:
    min: int
    max: int | None  # None for "*"

    @property
    def repeats(self) -> bool:
        return self.max is None or self.max > 1

    @property
    def initial(self) -> int:
        """Instances shown without script: max(min, 1)."""
        return max(self.min, 1)


def _occurs(text: str) -> Occurs:
    low, _, high = (text or "1:1").strip().partition(":")
    return Occurs(int(low), None if high.strip() == "*" else int(high))


@dataclass
class Field:
    name: str                      # ids from the schema down to the field, joined with "."
    ids: tuple[str, ...]
    occurs: tuple[Occurs, ...]     # the anzahl of each struktur on the path (the field's own last)
    label: str                     # bezeichnungEingabe (name where empty), whitespace-normalised
    optional: bool
    feldart: str
    datentyp: str
    prec: dict[str, str]           # praezisierung attributes
    codes: list[str] | None        # select: inline codes, or the resolved code list's; None if unresolved
    code_names: dict[str, str]     # inline werte: code -> name
    codelist: str | None           # canonicalIdentification of a codelisteReferenz
    codelist_file: str | None      # the genericode file it resolved to
    content: str = ""              # inhalt: the text of a label field, the value of a locked one

    @property
    def kind(self) -> str:
        """What the page must show: text, locked, file, date, bool, choice, unresolved, none."""
        if self.feldart not in CONTROL_KINDS:
            return "none"
        if self.feldart == "locked":
            return "locked"
        if self.feldart == "select":
            return "choice" if self.codes is not None else "unresolved"
        if self.datentyp == "bool":
            return "bool"
        if self.datentyp == "date":
            return "date"
        if self.datentyp in ("file", "obj"):
            return "file"
        return "text"

    @property
    def required(self) -> bool:
        return not self.optional and self.feldart in ("input", "select")

    def control_names(self) -> list[str]:
        """The names the first instance's control(s) carry."""
        if self.kind == "date":
            return [f"{self.name}-{p}" for p in DATE_PARTS]
        return [self.name]


@dataclass
class Group:
    name: str
    ids: tuple[str, ...]
    occurs: tuple[Occurs, ...]
    label: str
    optional: bool

    @property
    def repeats(self) -> bool:
        return self.occurs[-1].repeats


@dataclass
class Schema:
    id: str
    version: str
    title: str
    path: Path
    fields: list[Field] = dc_field(default_factory=list)
    groups: list[Group] = dc_field(default_factory=list)

    def controls(self) -> list[Field]:
        return [f for f in self.fields if f.kind != "none"]

    def by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}

    def element_occurs(self) -> dict[tuple[str, ...], Occurs]:
        """anzahl of every element occurrence, by its id path."""
        out = {}
        for item in [*self.groups, *self.fields]:
            out[item.ids] = item.occurs[-1]
        return out

    def under(self, prefix: str) -> list[Field]:
        """Control fields of the first instance of the group ``prefix`` (a name path)."""
        return [f for f in self.controls() if f.name.startswith(prefix + ".")]


def _text(el, path: str) -> str:
    found = el.find(path, NS)
    return norm("".join(found.itertext())) if found is not None else ""


def read_schema(path: Path, codelists: dict[str, CodeList]) -> Schema:
    root = ET.parse(path).getroot()
    sds = root.find("x:stammdatenschema", NS)
    assert sds is not None, f"{path}: no xdf3:stammdatenschema"
    schema = Schema(id=_text(sds, "x:identifikation/x:id"), version=_text(sds, "x:identifikation/x:version"),
                    title=_text(sds, "x:name"), path=path)

    def walk(parent, ids: tuple, occurs: tuple):
        for st in parent.findall("x:struktur", NS):
            occ = _occurs(_text(st, "x:anzahl"))
            holder = st.find("x:enthaelt", NS)
            for el in holder:
                kind = _local(el.tag)
                eid = _text(el, "x:identifikation/x:id")
                p_ids, p_occ = ids + (eid,), occurs + (occ,)
                label = _text(el, "x:bezeichnungEingabe") or _text(el, "x:name")
                optional = any(o.min == 0 for o in p_occ)
                if kind == "datenfeldgruppe":
                    schema.groups.append(Group(".".join(p_ids), p_ids, p_occ, label, optional))
                    walk(el, p_ids, p_occ)
                elif kind == "datenfeld":
                    prec_el = el.find("x:praezisierung", NS)
                    prec = dict(prec_el.attrib) if prec_el is not None else {}
                    feldart = _text(el, "x:feldart/code")
                    datentyp = _text(el, "x:datentyp/code")
                    codes, names, ref, ref_file = None, {}, None, None
                    werte = el.find("x:werte", NS)
                    if werte is not None:
                        codes = []
                        for wert in werte.findall("x:wert", NS):
                            code = _text(wert, "x:code")
                            codes.append(code)
                            names[code] = _text(wert, "x:name")
                    ref_el = el.find("x:codelisteReferenz", NS)
                    if ref_el is not None:
                        ref = _text(ref_el, "x:canonicalIdentification")
                        if codes is None and ref in codelists:
                            codes = list(codelists[ref].codes)
                            ref_file = codelists[ref].file
                    schema.fields.append(Field(
                        name=".".join(p_ids), ids=p_ids, occurs=p_occ, label=label, optional=optional,
                        feldart=feldart, datentyp=datentyp, prec=prec, codes=codes, code_names=names,
                        codelist=ref, codelist_file=ref_file, content=_text(el, "x:inhalt")))

    walk(sds, (), ())
    return schema


# --------------------------------------------------------------------------------------------
# Names of further instances
# --------------------------------------------------------------------------------------------

def parse_name(name: str) -> list[tuple[str, int]]:
    """``G1~2.G2.F3-tag`` → [("G1", 2), ("G2", 1), ("F3-tag", 1)]."""
    parts = []
    for part in name.split("."):
        m = re.fullmatch(r"(.*?)~(\d+)(-tag|-monat|-jahr)?", part)
        parts.append((m.group(1) + (m.group(3) or ""), int(m.group(2))) if m else (part, 1))
    return parts


def base_name(name: str) -> str:
    """The first instance's name: every ``~n`` removed."""
    return ".".join(p for p, _ in parse_name(name))


def with_instance(name: str, prefix: str, n: int) -> str:
    """``name`` (below ``prefix``, a first-instance path) in instance ``n`` of ``prefix``'s last element."""
    assert name == prefix or name.startswith(prefix + ".") or name.startswith(prefix + "-"), (name, prefix)
    return f"{prefix}~{n}{name[len(prefix):]}"


# --------------------------------------------------------------------------------------------
# Valid values from the praezisierung
# --------------------------------------------------------------------------------------------

def _generate(pattern: str) -> str:
    """The shortest-ish string matching ``pattern`` (a small walker over Python's regex parser)."""

    def gen(items) -> str:
        out = []
        for op, arg in items:
            if op is sre_constants.LITERAL:
                out.append(chr(arg))
            elif op is sre_constants.NOT_LITERAL:
                out.append("a" if chr(arg) != "a" else "b")
            elif op is sre_constants.ANY:
                out.append("a")
            elif op is sre_constants.IN:
                out.append(_in_char(arg))
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)):
                low, _high, sub = arg
                out.append(gen(sub) * low)
            elif op is sre_constants.SUBPATTERN:
                out.append(gen(arg[-1]))
            elif op is sre_constants.BRANCH:
                out.append(gen(arg[1][0]))
            elif op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                pass
            else:
                raise ValueError(f"no generator for {op} in {pattern!r}")
        return "".join(out)

    def _in_char(items) -> str:
        negate = any(op is sre_constants.NEGATE for op, _ in items)
        candidates = []
        for op, arg in items:
            if op is sre_constants.LITERAL:
                candidates.append(chr(arg))
            elif op is sre_constants.RANGE:
                candidates.append(chr(arg[0]))
            elif op is sre_constants.CATEGORY:
                candidates.append({sre_constants.CATEGORY_DIGIT: "1", sre_constants.CATEGORY_WORD: "a",
                                   sre_constants.CATEGORY_SPACE: " "}.get(arg, "a"))
        if negate:
            return next(c for c in "a1A_" if c not in candidates)
        return candidates[0]

    return gen(sre_parse.parse(pattern))


def _fits(value: str, prec: dict[str, str]) -> bool:
    if "minLength" in prec and len(value) < int(prec["minLength"]):
        return False
    if "maxLength" in prec and len(value) > int(prec["maxLength"]):
        return False
    if "pattern" in prec and not re.fullmatch(prec["pattern"], value):
        return False
    return True


_CANDIDATES = ["Muster", "01067", "erika.mustermann@example.org", "0351123456", "12", "Mustermann GmbH", "A1", "1"]


def text_value(f: Field, second: bool = False, part: str | None = None) -> str:
    """A valid value for a text-like control of ``f`` (``part``: a date part)."""
    prec = f.prec
    if f.datentyp == "date" or part:
        return {"tag": "15", "monat": "3", "jahr": "1990"}[part or "tag"] if not second else {"tag": "2", "monat": "11", "jahr": "1985"}[part or "tag"]
    if f.datentyp in ("num", "num_int", "num_currency"):
        low = float(prec["minValue"]) if "minValue" in prec else 0.0
        high = float(prec["maxValue"]) if "maxValue" in prec else low + 100
        value = int(min(max(low + (2 if second else 1), low), high))
        if value < low:  # min 0.1 and the like
            value = int(low) + 1
        return str(value)
    if f.datentyp == "time":
        return "10:30"
    if f.datentyp == "datetime":
        return "15.03.2026 10:30"
    preferred = "Zweite Angabe" if second else "Muster"
    for candidate in [preferred, preferred[: int(prec.get("maxLength", 999))], *_CANDIDATES]:
        if candidate and _fits(candidate, prec):
            return candidate
    if "pattern" in prec:
        value = _generate(prec["pattern"])
        if _fits(value, prec):
            return value
        raise AssertionError(f"{f.name}: no test value for praezisierung {prec} (generated {value!r})")
    low = int(prec.get("minLength", 1))
    return ("x" * max(low, 1))[: int(prec.get("maxLength", 999))]
