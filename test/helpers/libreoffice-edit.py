"""Edit Word files in a real LibreOffice, as a department does, through its UNO API.

Run with Debian's Python (python3-uno): /usr/bin/python3 libreoffice-edit.py jobs.json result.json

jobs.json: {"jobs": [{"input": "a.docx", "output": "b.docx", "author": "市财政局",
             "track": true, "edits": [{"kind": "replace", "find": "…", "with": "…"}, …]},
            {"input": "c.docx", "list": true}]}

Edit kinds: replace (find, with), delete (find), insertAfter (find, text), insertBefore (find, text),
splitAfter (find: a paragraph break after it), mergeAfter (find: the paragraph holding it is joined
with the next one), comment (find, text: a comment anchored to the found text), cell (table,
row, column, text: the cell's text replaced; indices from 0). `find` is literal text, the first
occurrence in the body, or its `occurrence`-th (from 1).

A job with "list": true saves nothing and reports the document's tracked changes (type, author,
text) and comments (author, text). The result file holds one entry per job, in order:
{"ok": true, "redlines": […], "comments": […]} or {"ok": false, "error": "…"}.
One LibreOffice process serves all jobs, in a profile of its own that is removed afterwards.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile):
    pipe = "press_lo_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return office, context
        except NoConnectException:
            if office.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not start")
            time.sleep(0.1)


def set_author(context, author):
    """The author LibreOffice writes on tracked changes, comments and the file's last-modified-by."""
    provider = context.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", context)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),)
    )
    access.setPropertyValue("givenname", author)
    access.setPropertyValue("sn", "")
    access.commitChanges()


def paragraphs(text):
    """Every paragraph of a text, those in table cells included, in document order."""
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element
        elif element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                yield from paragraphs(element.getCellByName(name).getText())


def find(document, text, occurrence=1):
    """A cursor over the `occurrence`-th `text` in the body (a model without a view has no search)."""
    seen = 0
    for paragraph in paragraphs(document.Text):
        content = paragraph.getString()
        index = content.find(text)
        while index >= 0:
            seen += 1
            if seen == occurrence:
                cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
                cursor.goRight(index, False)
                cursor.goRight(len(text), True)
                return cursor
            index = content.find(text, index + 1)
    raise RuntimeError("text not found: %r" % text)


def apply_edit(document, edit):
    kind = edit["kind"]
    if kind == "cell":
        table = document.TextTables.getByIndex(edit["table"])
        cell = table.getCellByPosition(edit["column"], edit["row"])
        cursor = cell.createTextCursor()
        cursor.gotoStart(False)
        cursor.gotoEnd(True)
        cursor.setString(edit["text"])
        return
    found = find(document, edit["find"], edit.get("occurrence", 1))
    text = found.getText()
    if kind == "replace":
        found.setString(edit["with"])
    elif kind == "delete":
        found.setString("")
    elif kind == "insertAfter":
        text.insertString(found.End, edit["text"], False)
    elif kind == "insertBefore":
        text.insertString(found.Start, edit["text"], False)
    elif kind == "splitAfter":
        text.insertControlCharacter(found.End, PARAGRAPH_BREAK, False)
    elif kind == "mergeAfter":
        cursor = text.createTextCursorByRange(found.End)
        cursor.gotoEndOfParagraph(False)
        cursor.goRight(1, True)
        cursor.setString("")
    elif kind == "comment":
        annotation = document.createInstance("com.sun.star.text.textfield.Annotation")
        annotation.Author = edit.get("author", "")
        annotation.Content = edit["text"]
        text.insertTextContent(found, annotation, True)
    else:
        raise RuntimeError("unknown edit kind: %s" % kind)


def redline_text(document, redline):
    try:
        start = redline.RedlineStart
        cursor = start.getText().createTextCursorByRange(start)
        cursor.gotoRange(redline.RedlineEnd, True)
        return cursor.getString()
    except Exception:
        return ""


def list_document(document):
    redlines = []
    enumeration = document.Redlines.createEnumeration()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        content = redline_text(document, redline)
        redlines.append({"type": redline.RedlineType, "author": redline.RedlineAuthor, "text": content})
    comments = []
    fields = document.TextFields.createEnumeration()
    while fields.hasMoreElements():
        field = fields.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            comments.append({"author": field.Author, "text": field.Content})
    return {"redlines": redlines, "comments": comments}


def run_job(context, job):
    # A copy in a folder of our own: LibreOffice leaves a lock file beside what it opens.
    folder = tempfile.mkdtemp(prefix="press-lo-doc-")
    copy = os.path.join(folder, "document" + os.path.splitext(job["input"])[1])
    shutil.copyfile(job["input"], copy)
    try:
        return edit_copy(context, job, copy)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def edit_copy(context, job, copy):
    # A model without a view: LibreOffice 7.4 headless (writer-nogui) aborts laying out a comment in a view.
    document = context.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", context)
    document.load((prop("URL", uno.systemPathToFileUrl(copy)), prop("FilterName", "MS Word 2007 XML")))
    try:
        if job.get("list"):
            return list_document(document)
        set_author(context, job.get("author", ""))
        document.RecordChanges = bool(job.get("track", True))
        for edit in job.get("edits", []):
            apply_edit(document, dict(edit, author=job.get("author", "")) if edit["kind"] == "comment" else edit)
        out = uno.systemPathToFileUrl(os.path.abspath(job["output"]))
        document.storeToURL(out, (prop("FilterName", "MS Word 2007 XML"), prop("Overwrite", True)))
        return list_document(document)
    finally:
        document.close(True)


def main():
    jobs = json.load(open(sys.argv[1], encoding="utf-8"))["jobs"]
    profile = tempfile.mkdtemp(prefix="press-lo-profile-")
    office = None
    results = []
    try:
        office, context = start_office(profile)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for job in jobs:
            try:
                results.append(dict(run_job(context, job), ok=True))
            except Exception as failure:  # reported per job, the others still run
                results.append({"ok": False, "error": "%s (%s)" % (failure, traceback.format_exc(limit=-1).strip().splitlines()[-3].strip())})
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        if office is not None:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                office.kill()
                office.wait()
        shutil.rmtree(profile, ignore_errors=True)
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False)


if __name__ == "__main__":
    main()
