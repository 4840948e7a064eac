<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Strings of Qt's own dialogs that Qt's French catalogue (qtbase_fr.qm) lacks: Qt 6
     gave them mnemonics, and the catalogue still translates the old texts only. Loaded
     after qtbase_fr by connecteur.ui.shell.i18n; compiled by `make translations`. -->
<TS version="2.1" language="fr_FR" sourcelanguage="en_US">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Pages à &amp;inclure :</translation>
    </message>
</context>
</TS>
