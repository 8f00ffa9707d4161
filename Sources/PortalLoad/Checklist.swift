import CCmarkGFM

/// GitHub task lists (`- [ ] Personalausweis`) as a checklist a citizen can use: cmark-gfm writes
/// `<input type="checkbox" disabled="" />` with no label, which screen readers announce as
/// "checkbox, not checked, dimmed" with no name (axe: critical "label" violation). Here each
/// item's checkbox gets the item's text as its `<label>` (so the text is also a large click and
/// tap target), is operable, starts ticked for `[x]`, and every such list is preceded by a hint
/// that the ticks are for the reader only: the checkboxes are in no form, nothing is saved or sent.
enum Checklist {
    static let hint = "Zum Abhaken für Ihre Vorbereitung: Ihre Häkchen werden nicht gespeichert und nicht gesendet."

    /// Whether a task item has text for its label (its first block is a paragraph with content).
    static func hasText(_ item: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(item), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH else { return false }
        return cmark_node_first_child(first) != nil
    }

    /// Rewrites the task items below `root` in place; `numbering` counts checkboxes across the
    /// document, so that ids are unique on the page. Returns whether anything was rewritten, in
    /// which case the tree holds HTML nodes of ours (and only of ours: editors' HTML has been
    /// turned into text before) and must be rendered with `CMARK_OPT_UNSAFE`.
    @discardableResult
    static func makeAccessible(in root: OpaquePointer, tasklist: OpaquePointer?, numbering: inout Int) -> Bool {
        guard let tasklist else { return false }
        var items: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_ITEM, cmark_node_get_syntax_extension(node) == tasklist, hasText(node) {
                items.append(node)
            }
        }
        cmark_iter_free(iterator)
        var hinted = Set<OpaquePointer>()
        for item in items {
            numbering += 1
            let id = "checkliste-\(numbering)"
            let checked = cmark_gfm_extensions_get_tasklist_item_checked(item)
            // Rendered as a plain list item from now on: the checkbox is ours.
            cmark_node_set_syntax_extension(item, nil)
            let paragraph = cmark_node_first_child(item)!
            let open = html(inline: "<input type=\"checkbox\" id=\"\(id)\"\(checked ? " checked" : "")> <label for=\"\(id)\">")
            cmark_node_prepend_child(paragraph, open)
            cmark_node_append_child(paragraph, html(inline: "</label>"))
            if let list = cmark_node_parent(item), !hinted.contains(list) {
                hinted.insert(list)
                let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)!
                cmark_node_set_literal(block, "<p class=\"checkliste-hinweis\">\(hint)</p>\n")
                cmark_node_insert_before(list, block)
            }
        }
        return !items.isEmpty
    }

    private static func html(inline literal: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_HTML_INLINE)!
        cmark_node_set_literal(node, literal)
        return node
    }
}
