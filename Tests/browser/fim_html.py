"""A small element tree over Python's html.parser (lxml is not a requirement of the suite), and
the static checks of a form page built from a FIM Stammdatenschema against ``fim_schema``'s
expectations: names, labels, "(optional)", choice codes, date triples, unexpected names."""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser

from fim_schema import DATE_PARTS, Field, Schema, norm, parse_name, with_instance

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements closed implicitly by a following sibling start tag of one of these.
IMPLIED = {"p": {"p", "div", "ul", "ol", "fieldset", "form", "h1", "h2", "h3", "h4", "table", "section", "dl"},
           "li": {"li"}, "option": {"option", "optgroup"}, "optgroup": {"optgroup"},
           "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"}, "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}}


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "line")

    def __init__(self, tag: str, attrs: dict, parent: "Node | None", line: int = 0):
        self.tag, self.attrs, self.children, self.parent, self.line = tag, attrs, [], parent, line

    def get(self, name: str, default=None):
        return self.attrs.get(name, default)

    def has(self, name: str) -> bool:
        return name in self.attrs

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def text(self) -> str:
        out = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag not in ("script", "style", "template"):
                    out.append(child.text())
            else:
                out.append(child)
        return "".join(out)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def closest(self, predicate):
        return next((a for a in self.ancestors() if predicate(a)), None)

    def __repr__(self):
        return f"<{self.tag} {' '.join(f'{k}={v!r}' for k, v in self.attrs.items())}> (line {self.line})"


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        closers = [t for t, by in IMPLIED.items() if tag in by]
        if closers and self.stack[-1].tag in closers:
            self.stack.pop()
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1], self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root


# --------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------

NOT_CONTROLS = {"submit", "reset", "button", "image"}
TEXT_TYPES = {"", "text", "number", "email", "tel", "url", "time", "search", "datetime-local", "date"}


def _controls(form: Node) -> list[Node]:
    out = []
    for node in form.iter():
        if node.tag in ("input", "select", "textarea") and node.has("name") and node.get("name") != "":
            if node.tag == "input" and (node.get("type") or "").lower() in NOT_CONTROLS:
                continue
            if node.closest(lambda a: a.tag == "template") is not None:
                continue
            out.append(node)
    return out


def _type(node: Node) -> str:
    return (node.get("type") or "").lower() if node.tag == "input" else node.tag


class FormPage:
    """A built form page: its form, controls by name, labels by control id, ids."""

    def __init__(self, html: str):
        self.doc = parse_html(html)
        self.forms = [n for n in self.doc.iter() if n.tag == "form"]
        self.form = next((f for f in self.forms if "antrag" in f.classes()), None)
        self.by_name: dict[str, list[Node]] = defaultdict(list)
        self.ids: dict[str, list[Node]] = defaultdict(list)
        self.labels_for: dict[str, list[Node]] = defaultdict(list)
        for node in self.doc.iter():
            if node.has("id"):
                self.ids[node.get("id")].append(node)
            if node.tag == "label" and node.has("for"):
                self.labels_for[node.get("for")].append(node)
        if self.form is not None:
            for node in _controls(self.form):
                self.by_name[node.get("name")].append(node)

    def label_text(self, control: Node) -> str | None:
        """Text of the control's <label for> (or of a <label> around it)."""
        labels = list(self.labels_for.get(control.get("id") or "\0", []))
        wrapping = control.closest(lambda a: a.tag == "label")
        if wrapping is not None and wrapping not in labels:
            labels.append(wrapping)
        if not labels:
            return None
        return norm(" ".join(l.text() for l in labels))

    @staticmethod
    def legend_of(node: Node) -> tuple[Node | None, str | None]:
        fieldset = node.closest(lambda a: a.tag == "fieldset")
        if fieldset is None:
            return None, None
        legend = next((c for c in fieldset.children if isinstance(c, Node) and c.tag == "legend"), None)
        return fieldset, (norm(legend.text()) if legend is not None else None)

    def described_text(self, control: Node) -> str:
        out = []
        for ref in (control.get("aria-describedby") or "").split():
            for target in self.ids.get(ref, []):
                out.append(target.text())
        return norm(" ".join(out))


def _label_problems(f: Field, where: str, text: str | None) -> list[str]:
    if text is None:
        return [f"{f.name}: {where} has no label text"]
    problems = []
    if f.label not in text:
        problems.append(f"{f.name}: {where} {text!r} does not contain bezeichnungEingabe {f.label!r}")
    if text.endswith("(optional)") != f.optional:
        problems.append(f"{f.name}: {where} {text!r} " + ("lacks the '(optional)' marker" if f.optional
                                                          else "says '(optional)' but the field is required"))
    return problems


def _field_wrapper_problems(f: Field, nodes: list[Node]) -> list[str]:
    wrapper = nodes[0].closest(lambda a: a.tag == "div" and "field" in a.classes())
    if wrapper is None:
        return [f"{f.name}: control not inside <div class=field>"]
    if wrapper.get("data-field") != f.name:
        return [f"{f.name}: enclosing div.field has data-field={wrapper.get('data-field')!r}"]
    others = [n for n in nodes if n.closest(lambda a: a.tag == "div" and "field" in a.classes()) is not wrapper]
    if others:
        return [f"{f.name}: its controls are spread over several div.field"]
    return []


def _choice_problems(page: FormPage, f: Field, nodes: list[Node]) -> list[str]:
    problems = []
    types = {_type(n) for n in nodes}
    if types in ({"radio"}, {"checkbox"}):
        fieldsets = {id(page.legend_of(n)[0]) for n in nodes}
        fieldset, legend = page.legend_of(nodes[0])
        if fieldset is None or len(fieldsets) != 1:
            problems.append(f"{f.name}: its {types.pop()}es are not in one fieldset")
        problems += _label_problems(f, "legend", legend)
        values = [n.get("value", "") for n in nodes]
        labels = {n.get("value", ""): page.label_text(n) for n in nodes}
        missing_labels = [v for v, t in labels.items() if not t]
        if missing_labels:
            problems.append(f"{f.name}: options without a <label>: {missing_labels[:5]}")
    elif types == {"select"} and len(nodes) == 1:
        options = [o for o in nodes[0].iter() if o.tag == "option"]
        values = [o.get("value", norm(o.text())) for o in options]
        labels = {o.get("value", norm(o.text())): norm(o.text()) for o in options}
        empties = [i for i, v in enumerate(values) if v == ""]
        if empties and (empties != [0]):
            problems.append(f"{f.name}: empty option(s) at positions {empties} (only a first placeholder allowed)")
        if not empties and not nodes[0].has("multiple"):
            problems.append(f"{f.name}: <select> without the first empty option")
        values = [v for v in values if v != ""]
        problems += _label_problems(f, "<label for>", page.label_text(nodes[0]))
    else:
        return [f"{f.name}: expected radios, checkboxes or one <select>, found {sorted(types)} × {len(nodes)}"]
    if len(values) != len(set(values)):
        dupes = sorted({v for v in values if values.count(v) > 1})
        problems.append(f"{f.name}: duplicate values {dupes[:8]}")
    expected = set(f.codes or [])
    if set(values) != expected:
        extra, missing = sorted(set(values) - expected), sorted(expected - set(values))
        problems.append(f"{f.name}: values differ from the codes ({f.codelist_file or 'inline werte'}): "
                        f"{len(missing)} missing {missing[:8]}, {len(extra)} not codes {extra[:8]}")
    for code, name in f.code_names.items():
        shown = labels.get(code)
        if shown is not None and name and name not in (shown or ""):
            problems.append(f"{f.name}: value {code!r} labelled {shown!r}, expected its name {name!r}")
    if f.codelist_file:
        unnamed = [v for v, t in labels.items() if v and not t]
        if unnamed:
            problems.append(f"{f.name}: code list values without a name: {unnamed[:5]}")
    return problems


def _is_lines_group(page: FormPage, nodes: list[Node]) -> bool:
    """Text inputs sharing one name, all in one fieldset (with a legend) inside their div.field."""
    if not all(n.tag == "input" and _type(n) in TEXT_TYPES for n in nodes):
        return False
    fieldsets = {id(page.legend_of(n)[0]) for n in nodes}
    fieldset, legend = page.legend_of(nodes[0])
    wrapper = nodes[0].closest(lambda a: a.tag == "div" and "field" in a.classes())
    return (len(fieldsets) == 1 and fieldset is not None and legend is not None and wrapper is not None
            and wrapper in list(fieldset.ancestors()))


def field_problems(page: FormPage, f: Field) -> list[str]:
    """Everything wrong with one expected field's first instance."""
    kind = f.kind
    if kind == "date":
        problems, fieldsets, nodes = [], set(), []
        if page.by_name.get(f.name):
            problems.append(f"{f.name}: a date has a control named without -tag/-monat/-jahr")
        for part in DATE_PARTS:
            found = page.by_name.get(f"{f.name}-{part}", [])
            if len(found) != 1:
                problems.append(f"{f.name}-{part}: {len(found)} controls (expected 1)")
                continue
            node = found[0]
            nodes.append(node)
            if _type(node) not in TEXT_TYPES or node.tag != "input":
                problems.append(f"{f.name}-{part}: is a {_type(node)}, not a text/number input")
            fieldsets.add(id(page.legend_of(node)[0]))
            if not page.label_text(node):
                problems.append(f"{f.name}-{part}: no label for the date part")
        if nodes:
            fieldset, legend = page.legend_of(nodes[0])
            if fieldset is None or len(fieldsets) != 1:
                problems.append(f"{f.name}: date parts are not in one <fieldset>")
            else:
                problems += _label_problems(f, "legend", legend)
            problems += _field_wrapper_problems(f, nodes)
        return problems

    nodes = page.by_name.get(f.name, [])
    if not nodes:
        return [f"{f.name}: no control (expected {kind}, feldart {f.feldart}, datentyp {f.datentyp})"]
    problems = _field_wrapper_problems(f, nodes)
    types = sorted({_type(n) for n in nodes})
    if kind == "choice":
        return problems + _choice_problems(page, f, nodes)
    if kind == "bool":
        if types != ["radio"] or len(nodes) != 2:
            return problems + [f"{f.name}: expected two radios (true/false), found {types} × {len(nodes)}"]
        values = {n.get("value"): page.label_text(n) for n in nodes}
        if set(values) != {"true", "false"}:
            problems.append(f"{f.name}: radio values {sorted(values)}, expected ['false', 'true']")
        else:
            if "Ja" not in (values["true"] or ""):
                problems.append(f"{f.name}: the 'true' radio is labelled {values['true']!r}, expected 'Ja'")
            if "Nein" not in (values["false"] or ""):
                problems.append(f"{f.name}: the 'false' radio is labelled {values['false']!r}, expected 'Nein'")
        fieldset, legend = page.legend_of(nodes[0])
        if fieldset is None or page.legend_of(nodes[1])[0] is not fieldset:
            problems.append(f"{f.name}: the two radios are not in one fieldset")
        return problems + _label_problems(f, "legend", legend)

    if kind in ("text", "unresolved") and f.occurs[-1].repeats and _is_lines_group(page, nodes):
        # A repeating field as a group of text inputs sharing its name (like checkboxes), in one
        # fieldset whose legend is the label; max(min, 1) inputs without script.
        fieldset, legend = page.legend_of(nodes[0])
        want = f.occurs[-1].initial
        if len(nodes) != want:
            problems.append(f"{f.name}: {len(nodes)} inputs shown for anzahl {f.occurs[-1].min}:{f.occurs[-1].max or '*'} "
                            f"(expected {want})")
        unlabelled = [n.get("id") for n in nodes if not page.label_text(n)]
        if unlabelled:
            problems.append(f"{f.name}: inputs without a label: {unlabelled}")
        return problems + _label_problems(f, "legend", legend)
    if len(nodes) != 1:
        return problems + [f"{f.name}: {len(nodes)} controls {types} (expected exactly one)"]
    node = nodes[0]
    if kind == "file":
        if _type(node) != "file":
            problems.append(f"{f.name}: a {f.datentyp} field is a {_type(node)}, not <input type=file>")
    elif kind == "locked":
        if node.tag not in ("input", "textarea") or not node.has("readonly"):
            problems.append(f"{f.name}: a locked field is {node!r}, not a readonly input")
    elif kind in ("text", "unresolved"):
        if not (node.tag == "textarea" or (node.tag == "input" and _type(node) in TEXT_TYPES)):
            problems.append(f"{f.name}: expected a text input (or textarea), found {node.tag} type={_type(node)!r}")
        if kind == "unresolved":
            if node.has("list"):
                problems.append(f"{f.name}: the input of an unavailable code list offers a datalist (invented options)")
            wrapper = node.closest(lambda a: a.tag == "div" and "field" in a.classes())
            hints = page.described_text(node)
            if not hints and wrapper is not None:
                hints = norm(" ".join(n.text() for n in wrapper.iter() if "hint" in n.classes()))
            if not hints:
                problems.append(f"{f.name}: code list {f.codelist} is not available, but no hint says so "
                                f"(nothing in aria-describedby or a .hint)")
    return problems + _label_problems(f, "<label for>", page.label_text(node))


def unexpected_names(page: FormPage, schema: Schema) -> list[str]:
    """Control names that are neither an expected field (or date part) nor a further instance the
    page may show without script (``~n`` with n ≤ max(min, 1) of a repeating element)."""
    expected = {n for f in schema.controls() for n in f.control_names()}
    occurs = schema.element_occurs()
    problems = []
    for name in sorted(page.by_name):
        parts = parse_name(name)
        base = ".".join(p for p, _ in parts)
        if base not in expected:
            problems.append(f"{name}: not a field of the schema" + (" (first-instance path unknown)" if "~" in name else ""))
            continue
        ids = tuple(p for p, _ in parts)
        for i, (_, n) in enumerate(parts):
            if n == 1:
                continue
            key = ids[: i + 1]
            if i == len(parts) - 1:  # a date part's suffix is not part of the element id
                key = key[:-1] + (re.sub(r"-(tag|monat|jahr)$", "", key[-1]),)
            occ = occurs.get(key)
            if occ is None or not occ.repeats:
                problems.append(f"{name}: instance ~{n} of {'.'.join(key)}, which does not repeat")
            elif n > occ.initial:
                problems.append(f"{name}: instance ~{n} shown without script, but {'.'.join(key)} has anzahl "
                                f"{occ.min}:{occ.max or '*'} (at most {occ.initial} initially)")
    return problems


def missing_instances(page: FormPage, schema: Schema) -> list[str]:
    """Repeating groups with min ≥ 2 must show their min instances without script."""
    problems = []
    for g in schema.groups:
        occ = g.occurs[-1]
        if not (occ.repeats and occ.min >= 2):
            continue
        for n in range(2, occ.min + 1):
            for f in schema.under(g.name):
                for cname in f.control_names():
                    want = with_instance(cname, g.name, n)
                    if want not in page.by_name:
                        problems.append(f"{want}: instance {n} of {g.name} (anzahl {occ.min}:{occ.max or '*'}) missing")
    return problems
