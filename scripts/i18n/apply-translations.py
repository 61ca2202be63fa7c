#!/usr/bin/python3
# Fills unfinished messages of a Qt .ts file from a table of translations (a Python file defining
# T = {(context, source): translation or [plural forms]}), leaving everything else as it is.
# For batches of new strings; Qt Linguist remains the tool for reviewing them.
#   scripts/i18n/apply-translations.py resources/translations/socketeer_zh_CN.ts table.py
import sys
import xml.etree.ElementTree as ET

ts_path, table_path = sys.argv[1], sys.argv[2]
table = {}
exec(open(table_path, encoding='utf-8').read(), table)
T = table['T']
tree = ET.parse(ts_path)
missing = 0
for context in tree.getroot().findall('context'):
    name = context.find('name').text
    for message in context.findall('message'):
        translation = message.find('translation')
        if translation.get('type') != 'unfinished':
            continue
        key = (name, message.find('source').text)
        if key not in T:
            missing += 1
            print('no translation for', key, file=sys.stderr)
            continue
        value = T[key]
        del translation.attrib['type']
        if message.get('numerus') == 'yes':
            for form in list(translation):
                translation.remove(form)
            for text in value:
                ET.SubElement(translation, 'numerusform').text = text
        else:
            translation.text = value
tree.write(ts_path, encoding='utf-8', xml_declaration=True)
sys.exit(1 if missing else 0)
