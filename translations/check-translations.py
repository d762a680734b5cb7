#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations against the sources, as a ctest test.

  check-translations.py --lupdate PATH --root SOURCE_DIR TS_FILE...

Each .ts file is copied and refreshed with lupdate from the sources (app, core, models,
ui), so a string added or changed in the code and not yet translated shows up here. Lists,
for a full translation (every file but _en): unfinished and vanished entries, plural
messages without one non-empty form per plural of the language, translations that lose or
add a placeholder (%1, %n) or a mnemonic (&). For the English file only the plural forms
are checked: English text comes from the sources. Also lists words handed to a widget
without tr() (setText(QStringLiteral("Some words")) and the like) in app/, models/ and ui/.
Exit 1 when anything is listed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLURALS = {'de': 2, 'en': 2, 'fr': 2, 'es': 2, 'it': 2, 'nl': 2, 'ja': 1, 'pl': 3, 'ru': 3}
PLACEHOLDER = re.compile(r'%(?:n|L?[1-9][0-9]?)')
# A mnemonic is '&' before a letter or digit, not an HTML entity such as &nbsp; or &lt;.
MNEMONIC = re.compile(r'&(?![a-zA-Z]+;|#[0-9]+;)(?=[^\s&])')


def text_of(element):
    return element.text or '' if element is not None else ''


def check(ts_path, lupdate, root):
    problems = []
    language = os.path.basename(ts_path).rsplit('_', 1)[-1].split('.')[0]
    full = language != 'en'
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(ts_path))
        shutil.copy(ts_path, copy)
        dirs = [os.path.join(root, d) for d in ('app', 'core', 'models', 'ui')]
        run = subprocess.run([lupdate, '-locations', 'none', *dirs, '-ts', copy],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return [f'lupdate failed: {run.stderr.strip()}']
        tree = ET.parse(copy)
    forms_needed = PLURALS.get(language, 2)
    count = 0
    for context in tree.getroot().iter('context'):
        name = text_of(context.find('name'))
        for message in context.iter('message'):
            count += 1
            source = text_of(message.find('source'))
            translation = message.find('translation')
            kind = translation.get('type', '')
            where = f'{name}: "{source}"'
            numerus = message.get('numerus') == 'yes'
            if kind in ('vanished', 'obsolete'):
                if full:
                    problems.append(f'vanished (no longer in the sources): {where}')
                continue
            if numerus:
                forms = [text_of(f) for f in translation.findall('numerusform')]
                if len(forms) != forms_needed or not all(forms):
                    problems.append(f'plural: {len(forms)} forms ({sum(map(bool, forms))} filled), '
                                    f'{language} needs {forms_needed}: {where}')
                    continue
            elif not full:
                continue
            if kind == 'unfinished':
                problems.append(f'unfinished: {where}')
                continue
            texts = [text_of(f) for f in translation.findall('numerusform')] if numerus \
                else [text_of(translation)]
            for text in texts:
                if sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(text))):
                    problems.append(f'placeholders differ: {where} -> "{text}"')
                if bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(text)):
                    problems.append(f'mnemonic (&) lost or added: {where} -> "{text}"')
    if count == 0:
        problems.append('no messages at all: lupdate found no sources?')
    return problems, count


# A widget or action given a literal with words in it, not tr(): it would never be translated.
UNTRANSLATED = re.compile(
    r'\b(setText|setToolTip|setWindowTitle|showMessage|addButton|setPlaceholderText|setTitle|'
    r'addAction|addMenu|setStatusTip|setAccessibleName|setAccessibleDescription|setInformativeText|'
    r'QLabel|QPushButton|QCheckBox|QGroupBox|QAction|QMenu|setHorizontalHeaderLabels|setName|'
    r'setTitleText)\(\s*(?:QStringLiteral|QLatin1String|QString::fromLatin1|QString::fromUtf8)'
    r'\("([^"]*[A-Za-z]{3,}[^"]*)"')


def untranslated_literals(root):
    found = []
    for folder in ('app', 'models', 'ui'):
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if not name.endswith('.cpp'):
                    continue
                path = os.path.join(dirpath, name)
                with open(path, encoding='utf-8') as f:
                    for number, line in enumerate(f, 1):
                        for m in UNTRANSLATED.finditer(line):
                            found.append(f'{os.path.relpath(path, root)}:{number}: '
                                         f'{m.group(1)}("{m.group(2)}") without tr()')
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--lupdate', required=True)
    parser.add_argument('--root', required=True)
    parser.add_argument('ts', nargs='+')
    args = parser.parse_args()
    failed = False
    for ts in args.ts:
        result = check(ts, args.lupdate, args.root)
        problems, count = result if isinstance(result, tuple) else (result, 0)
        print(f'{os.path.basename(ts)}: {count} messages, {len(problems)} problem(s)')
        for p in problems:
            print('  ' + p)
        failed |= bool(problems)
    literals = untranslated_literals(args.root)
    print(f'sources: {len(literals)} user-visible literal(s) without tr()')
    for line in literals:
        print('  ' + line)
    failed |= bool(literals)
    if failed:
        print('Fix: cmake --build build --target update_translations, translate with linguist, '
              'then run this test again.')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
