<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&lt;h1&gt;Connecteur {0}&lt;/h1&gt;&lt;p&gt;La bibliothèque hors ligne du &lt;b&gt;Connecteur Recherche 2020&lt;/b&gt; pour les formatrices et formateurs du CNFPT : lire, chercher, annoter et imprimer les pistes de réflexion, terrains, ressources et intervenant·e·s des sept sessions.&lt;/p&gt;&lt;p&gt;Le corpus est la compilation publiée par le &lt;b&gt;CNFPT&lt;/b&gt; (Centre national de la fonction publique territoriale) et la &lt;b&gt;Fing&lt;/b&gt; (Fondation internet nouvelle génération) avec la &lt;b&gt;Riposte créative territoriale&lt;/b&gt;, à partir des rencontres des 20 mai et 3 juillet 2020. Connecteur n&apos;utilise jamais le réseau.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Connecteur {0}&lt;/h1&gt;&lt;p&gt;The offline library of the &lt;b&gt;Connecteur Recherche 2020&lt;/b&gt; for CNFPT trainers: read, search, annotate and print the lines of thought, field sites, resources and speakers of the seven sessions.&lt;/p&gt;&lt;p&gt;The corpus is the compilation published by the &lt;b&gt;CNFPT&lt;/b&gt; (French national centre for local civil service training) and the &lt;b&gt;Fing&lt;/b&gt; (Fondation internet nouvelle génération) with the &lt;b&gt;Riposte créative territoriale&lt;/b&gt;, from the meetings of 20 May and 3 July 2020. Connecteur never uses the network.&lt;/p&gt;&lt;p&gt;The corpus text below is in French, as published.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Licences&lt;/h2&gt;&lt;p&gt;Connecteur est distribué sous la licence EUPL 1.2.&lt;/p&gt;&lt;h3&gt;Bibliothèques&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Composant&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Version&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Licence&lt;/th&gt;&lt;/tr&gt;{0}&lt;/table&gt;&lt;h3&gt;Polices&lt;/h3&gt;&lt;p&gt;Polices DejaVu (licence Bitstream Vera et domaine public, texte ci-dessous), utilisées dans les documents PDF : {1}.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Licences&lt;/h2&gt;&lt;p&gt;Connecteur is distributed under the EUPL 1.2 licence.&lt;/p&gt;&lt;h3&gt;Libraries&lt;/h3&gt;&lt;table cellpadding=&apos;3&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Component&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Version&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Licence&lt;/th&gt;&lt;/tr&gt;{0}&lt;/table&gt;&lt;h3&gt;Fonts&lt;/h3&gt;&lt;p&gt;DejaVu fonts (Bitstream Vera licence and public domain, text below), used in PDF documents: {1}.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>À propos de Connecteur</source>
        <translation>About Connecteur</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>À propos du corpus</source>
        <translation>About the corpus</translation>
    </message>
    <message>
        <source>Licences des composants</source>
        <translation>Licences of the components</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>A&amp;ller</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Langue</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Imprimer / Exporter en PDF…</source>
        <translation>&amp;Print / Export as PDF…</translation>
    </message>
    <message>
        <source>&amp;Copier</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Copier le &amp;lien connecteur://</source>
        <translation>Copy connecteur:// &amp;link</translation>
    </message>
    <message>
        <source>C&amp;hercher…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <source>Zoom &amp;avant</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom a&amp;rrière</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Taille normale</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <source>&amp;Panneau latéral</source>
        <translation>Side &amp;panel</translation>
    </message>
    <message>
        <source>&amp;Précédent</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Suivant</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>Session pré&amp;cédente</source>
        <translation>&amp;Previous session</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>A&amp;ide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation>&amp;Annotations</translation>
    </message>
    <message>
        <source>Ajouter au do&amp;ssier</source>
        <translation>Add to f&amp;older</translation>
    </message>
    <message>
        <source>&amp;Ressources (Zotero)</source>
        <translation>&amp;Resources (Zotero)</translation>
    </message>
    <message>
        <source>Importer un &amp;document…</source>
        <translation>&amp;Import a document…</translation>
    </message>
    <message>
        <source>Documents i&amp;mportés…</source>
        <translation>Imported &amp;documents…</translation>
    </message>
    <message>
        <source>Copier a&amp;vec la référence</source>
        <translation>Copy &amp;with reference</translation>
    </message>
    <message>
        <source>&amp;Occurrence suivante dans la page</source>
        <translation>Ne&amp;xt match in the page</translation>
    </message>
    <message>
        <source>Occurrence &amp;précédente dans la page</source>
        <translation>Pre&amp;vious match in the page</translation>
    </message>
    <message>
        <source>P&amp;résentation du Connecteur Recherche</source>
        <translation>&amp;About the Connecteur Recherche</translation>
    </message>
    <message>
        <source>Session sui&amp;vante</source>
        <translation>Ne&amp;xt session</translation>
    </message>
    <message>
        <source>&amp;Index des intervenant·e·s</source>
        <translation>&amp;Index of speakers</translation>
    </message>
    <message>
        <source>&amp;Bibliographie</source>
        <translation>Bib&amp;liography</translation>
    </message>
    <message>
        <source>Aller au s&amp;ommaire</source>
        <translation>Go to the &amp;contents</translation>
    </message>
    <message>
        <source>Aller au &amp;texte</source>
        <translation>Go to the &amp;text</translation>
    </message>
    <message>
        <source>&amp;Bienvenue…</source>
        <translation>&amp;Welcome…</translation>
    </message>
    <message>
        <source>À &amp;propos de Connecteur</source>
        <translation>&amp;About Connecteur</translation>
    </message>
    <message>
        <source>Celle du &amp;système</source>
        <translation>&amp;System language</translation>
    </message>
    <message>
        <source>Ajouter une &amp;note…</source>
        <translation>Add a &amp;note…</translation>
    </message>
    <message>
        <source>Nouveau &amp;dossier de formation…</source>
        <translation>New course fol&amp;der…</translation>
    </message>
    <message>
        <source>Annotations &amp;orphelines…</source>
        <translation>O&amp;rphaned annotations…</translation>
    </message>
    <message>
        <source>Réinitiali&amp;ser les annotations…</source>
        <translation>Re&amp;set annotations…</translation>
    </message>
    <message>
        <source>Aller aux &amp;notes</source>
        <translation>Go to the &amp;notes</translation>
    </message>
    <message>
        <source>Aller aux &amp;favoris</source>
        <translation>Go to the fa&amp;vourites</translation>
    </message>
    <message>
        <source>Aller aux &amp;dossiers</source>
        <translation>Go to the f&amp;olders</translation>
    </message>
    <message>
        <source>Aller aux étiq&amp;uettes</source>
        <translation>Go to the ta&amp;gs</translation>
    </message>
    <message>
        <source>Aller à « Voir &amp;aussi »</source>
        <translation>Go to “&amp;See also”</translation>
    </message>
    <message>
        <source>Copie l&apos;élément marqué (ou le texte sélectionné) suivi de sa référence.</source>
        <translation>Copies the marked item (or the selected text) followed by its reference.</translation>
    </message>
    <message>
        <source>Prépare un support PDF (session, sessions, dossier, résultats ou favoris) à prévisualiser, imprimer ou enregistrer.</source>
        <translation>Prepares a PDF handout (session, sessions, folder, results or favourites) to preview, print or save.</translation>
    </message>
    <message>
        <source>Ajoute à la bibliothèque une synthèse du Connecteur Recherche (PDF ou texte), après un aperçu de ce qu&apos;elle contient.</source>
        <translation>Adds a Connecteur Recherche summary (PDF or text) to the library, after a preview of what it contains.</translation>
    </message>
    <message>
        <source>Liste les documents ajoutés à la bibliothèque ; permet d&apos;en retirer un.</source>
        <translation>Lists the documents added to the library; lets you remove one.</translation>
    </message>
    <message>
        <source>Supprime toutes vos notes, surlignages, favoris, étiquettes et dossiers, après en avoir fait une sauvegarde.</source>
        <translation>Deletes all your notes, highlights, favourites, tags and folders, after making a backup of them.</translation>
    </message>
    <message>
        <source>Affiche le panneau des notes, favoris et dossiers (quand il y en a).</source>
        <translation>Shows the panel of notes, favourites and folders (when there are any).</translation>
    </message>
</context>
<context>
    <name>AnnotationExchange</name>
    <message>
        <source>Annotations exportées dans {0}</source>
        <translation>Annotations exported to {0}</translation>
    </message>
    <message>
        <source>Export des annotations…</source>
        <translation>Exporting the annotations…</translation>
    </message>
    <message>
        <source>Un import est déjà en cours.</source>
        <translation>An import is already under way.</translation>
    </message>
    <message>
        <source>Import des annotations…</source>
        <translation>Importing the annotations…</translation>
    </message>
    <message>
        <source>Import de {0}…</source>
        <translation>Importing {0}…</translation>
    </message>
    <message>
        <source>Import des annotations</source>
        <translation>Annotation import</translation>
    </message>
    <message>
        <source>Import de {0} terminé.</source>
        <translation>Import of {0} finished.</translation>
    </message>
    <message>
        <source>Annotations importées (Ctrl+Z pour annuler).</source>
        <translation>Annotations imported (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Import annulé : aucune annotation n&apos;a été ajoutée.</source>
        <translation>Import cancelled: no annotation was added.</translation>
    </message>
    <message>
        <source>{0} ressource exportée dans {1}</source>
        <translation>{0} resource exported to {1}</translation>
    </message>
    <message>
        <source>{0} ressources exportées dans {1}</source>
        <translation>{0} resources exported to {1}</translation>
    </message>
    <message>
        <source>Export des ressources…</source>
        <translation>Exporting the resources…</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporter le dossier « {0} »</source>
        <translation>Export the folder “{0}”</translation>
    </message>
    <message>
        <source>Exporter toutes les annotations</source>
        <translation>Export all annotations</translation>
    </message>
    <message>
        <source>Importer des annotations</source>
        <translation>Import annotations</translation>
    </message>
    <message>
        <source>Export d&apos;annotations Connecteur (*.json)</source>
        <translation>Connecteur annotation export (*.json)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>RIS (*.ris)</source>
        <translation>RIS (*.ris)</translation>
    </message>
    <message>
        <source>CSL-JSON (*.json)</source>
        <translation>CSL-JSON (*.json)</translation>
    </message>
    <message>
        <source>Exporter les ressources</source>
        <translation>Export the resources</translation>
    </message>
    <message>
        <source>Exporter le dossier en &amp;Markdown…</source>
        <translation>Export the folder as &amp;Markdown…</translation>
    </message>
    <message>
        <source>Exporter le dossier en &amp;JSON…</source>
        <translation>Export the folder as &amp;JSON…</translation>
    </message>
    <message>
        <source>Exporter les &amp;ressources du dossier</source>
        <translation>Export the folder&apos;s &amp;resources</translation>
    </message>
    <message>
        <source>BibTeX (.bib)…</source>
        <translation>BibTeX (.bib)…</translation>
    </message>
    <message>
        <source>RIS (.ris)…</source>
        <translation>RIS (.ris)…</translation>
    </message>
    <message>
        <source>CSL-JSON (.json)…</source>
        <translation>CSL-JSON (.json)…</translation>
    </message>
    <message>
        <source>Exporter toutes les annotations en &amp;Markdown…</source>
        <translation>Export all annotations as &amp;Markdown…</translation>
    </message>
    <message>
        <source>Exporter toutes les annotations en &amp;JSON…</source>
        <translation>Export all annotations as &amp;JSON…</translation>
    </message>
    <message>
        <source>Exporter un &amp;dossier</source>
        <translation>Export a &amp;folder</translation>
    </message>
    <message>
        <source>Markdown…</source>
        <translation>Markdown…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>&amp;Importer des annotations (JSON)…</source>
        <translation>&amp;Import annotations (JSON)…</translation>
    </message>
    <message>
        <source>&amp;Toutes les ressources</source>
        <translation>&amp;All resources</translation>
    </message>
    <message>
        <source>Ressources de la &amp;session affichée</source>
        <translation>Resources of the &amp;session shown</translation>
    </message>
    <message>
        <source>Ressources d&apos;un &amp;dossier</source>
        <translation>Resources of a &amp;folder</translation>
    </message>
</context>
<context>
    <name>AnnotationReset</name>
    <message>
        <source>{0} note</source>
        <translation>{0} note</translation>
    </message>
    <message>
        <source>{0} notes</source>
        <translation>{0} notes</translation>
    </message>
    <message>
        <source>{0} surlignage</source>
        <translation>{0} highlight</translation>
    </message>
    <message>
        <source>{0} surlignages</source>
        <translation>{0} highlights</translation>
    </message>
    <message>
        <source>{0} favori</source>
        <translation>{0} favourite</translation>
    </message>
    <message>
        <source>{0} favoris</source>
        <translation>{0} favourites</translation>
    </message>
    <message>
        <source>{0} étiquette</source>
        <translation>{0} tag</translation>
    </message>
    <message>
        <source>{0} étiquettes</source>
        <translation>{0} tags</translation>
    </message>
    <message>
        <source>{0} dossier de formation</source>
        <translation>{0} course folder</translation>
    </message>
    <message>
        <source>{0} dossiers de formation</source>
        <translation>{0} course folders</translation>
    </message>
    <message>
        <source>{0} et {1}</source>
        <translation>{0} and {1}</translation>
    </message>
    <message>
        <source>Aucune annotation à réinitialiser.</source>
        <translation>No annotations to reset.</translation>
    </message>
    <message>
        <source>Réinitialiser les annotations</source>
        <translation>Reset the annotations</translation>
    </message>
    <message>
        <source>Supprimer toutes vos annotations et tous vos dossiers ?</source>
        <translation>Delete all your annotations and all your folders?</translation>
    </message>
    <message>
        <source>À supprimer : {0}.

Une sauvegarde est faite juste avant, dans {1} : c&apos;est le seul moyen de les retrouver (Ctrl+Z ne peut pas annuler une réinitialisation).</source>
        <translation>To be deleted: {0}.

A backup is made just before, in {1}: it is the only way to get them back (Ctrl+Z cannot undo a reset).</translation>
    </message>
    <message>
        <source>&amp;Réinitialiser</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>Annotations réinitialisées ; la sauvegarde faite juste avant est {0}</source>
        <translation>Annotations reset; the backup made just before is {0}</translation>
    </message>
    <message>
        <source>Réinitialisation des annotations…</source>
        <translation>Resetting the annotations…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Connecteur ne peut pas démarrer</source>
        <translation>Connecteur cannot start</translation>
    </message>
    <message>
        <source>Erreur inattendue ({0}) : l&apos;action n&apos;a pas abouti ; détails dans le journal.</source>
        <translation>Unexpected error ({0}): the action did not complete; details in the log.</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <source>Erreur inattendue : {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
</context>
<context>
    <name>BibliographyModel</name>
    <message>
        <source>Référence</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
</context>
<context>
    <name>BibliographyView</name>
    <message>
        <source>Bibliographie : {0} référence</source>
        <translation>Bibliography: {0} reference</translation>
    </message>
    <message>
        <source>Bibliographie : {0} références</source>
        <translation>Bibliography: {0} references</translation>
    </message>
    <message>
        <source>Bibliographie : {0} référence sur {1}</source>
        <translation>Bibliography: {0} of {1} references</translation>
    </message>
    <message>
        <source>Bibliographie : {0} références sur {1}</source>
        <translation>Bibliography: {0} of {1} references</translation>
    </message>
    <message>
        <source>Tous les sites</source>
        <translation>All sites</translation>
    </message>
    <message>
        <source>Voir dans la session</source>
        <translation>Show in its session</translation>
    </message>
    <message>
        <source>Ouvrir {0} dans le navigateur</source>
        <translation>Open {0} in the browser</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Bibliographie&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bibliography&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Filtrer par mots (accents facultatifs)</source>
        <translation>Filter by words (accents optional)</translation>
    </message>
    <message>
        <source>Filtrer la bibliographie par mots</source>
        <translation>Filter the bibliography by words</translation>
    </message>
    <message>
        <source>Filtrer par site web</source>
        <translation>Filter by web site</translation>
    </message>
    <message>
        <source>Bibliographie</source>
        <translation>Bibliography</translation>
    </message>
    <message>
        <source>Entrée : voir la ressource dans sa session ; menu contextuel : ouvrir ses liens.</source>
        <translation>Enter: show the resource in its session; context menu: open its links.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>{0} journée</source>
        <translation>{0} day</translation>
    </message>
    <message>
        <source>{0} journées</source>
        <translation>{0} days</translation>
    </message>
    <message>
        <source>{0} session</source>
        <translation>{0} session</translation>
    </message>
    <message>
        <source>{0} sessions</source>
        <translation>{0} sessions</translation>
    </message>
    <message>
        <source>{0} piste</source>
        <translation>{0} line of thought</translation>
    </message>
    <message>
        <source>{0} pistes</source>
        <translation>{0} lines of thought</translation>
    </message>
    <message>
        <source>{0} terrain</source>
        <translation>{0} field site</translation>
    </message>
    <message>
        <source>{0} terrains</source>
        <translation>{0} field sites</translation>
    </message>
    <message>
        <source>{0} ressource</source>
        <translation>{0} resource</translation>
    </message>
    <message>
        <source>{0} ressources</source>
        <translation>{0} resources</translation>
    </message>
    <message>
        <source>{0} intervenant·e</source>
        <translation>{0} speaker</translation>
    </message>
    <message>
        <source>{0} intervenant·e·s</source>
        <translation>{0} speakers</translation>
    </message>
    <message>
        <source>{0} page</source>
        <translation>{0} page</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>{0} annotation est devenue orpheline : le passage annoté n&apos;est plus dans la bibliothèque. Elle est gardée dans « Annotations orphelines » et retrouvera sa place si le document revient.</source>
        <translation>{0} annotation has been orphaned: the annotated passage is no longer in the library. It is kept in “Orphaned annotations” and will find its place again if the document comes back.</translation>
    </message>
    <message>
        <source>{0} annotations sont devenues orphelines : le passage annoté n&apos;est plus dans la bibliothèque. Elles sont gardées dans « Annotations orphelines » et retrouveront leur place si le document revient.</source>
        <translation>{0} annotations have been orphaned: the annotated passages are no longer in the library. They are kept in “Orphaned annotations” and will find their place again if the document comes back.</translation>
    </message>
    <message>
        <source>{0} annotation rattachée au texte mis à jour.</source>
        <translation>{0} annotation reattached to the updated text.</translation>
    </message>
    <message>
        <source>{0} annotations rattachées au texte mis à jour.</source>
        <translation>{0} annotations reattached to the updated text.</translation>
    </message>
    <message>
        <source>{0} doublon fusionné.</source>
        <translation>{0} duplicate merged.</translation>
    </message>
    <message>
        <source>{0} doublons fusionnés.</source>
        <translation>{0} duplicates merged.</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Documents importés</source>
        <translation>Imported documents</translation>
    </message>
    <message>
        <source>Les synthèses que vous avez ajoutées à la bibliothèque. Le corpus livré avec Connecteur n&apos;y figure pas : il ne peut pas être retiré.</source>
        <translation>The summaries you have added to the library. The corpus shipped with Connecteur is not listed: it cannot be removed.</translation>
    </message>
    <message>
        <source>Aucun document importé : la bibliothèque contient le corpus livré. « Importer un document… » en ajoute un.</source>
        <translation>No imported documents: the library holds the shipped corpus. “Import a document…” adds one.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Journées</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Importé le</source>
        <translation>Imported on</translation>
    </message>
    <message>
        <source>Importer un document…</source>
        <translation>Import a document…</translation>
    </message>
    <message>
        <source>Retirer…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0} point à vérifier :</source>
        <translation>{0} point to check:</translation>
    </message>
    <message>
        <source>{0} points à vérifier :</source>
        <translation>{0} points to check:</translation>
    </message>
    <message>
        <source>Retirer un document</source>
        <translation>Remove a document</translation>
    </message>
    <message>
        <source>Retirer « {0} » de la bibliothèque ?</source>
        <translation>Remove “{0}” from the library?</translation>
    </message>
    <message>
        <source>Sa journée du {0} quitte la bibliothèque (le fichier d&apos;origine n&apos;est pas touché). Vos annotations sur ce document deviennent orphelines : elles restent dans « Annotations orphelines » et retrouvent leur place si vous l&apos;importez de nouveau.</source>
        <translation>Its day of {0} leaves the library (the original file is not touched). Your annotations on this document become orphaned: they stay in “Orphaned annotations” and find their place again if you import it again.</translation>
    </message>
    <message>
        <source>Ses journées ({0}) quittent la bibliothèque (le fichier d&apos;origine n&apos;est pas touché). Vos annotations sur ce document deviennent orphelines : elles restent dans « Annotations orphelines » et retrouvent leur place si vous l&apos;importez de nouveau.</source>
        <translation>Its days ({0}) leave the library (the original file is not touched). Your annotations on this document become orphaned: they stay in “Orphaned annotations” and find their place again if you import it again.</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FavoritesView</name>
    <message>
        <source>Retiré des favoris (Ctrl+Z pour annuler).</source>
        <translation>Removed from favourites (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Retirer des favoris</source>
        <translation>&amp;Remove from favourites</translation>
    </message>
    <message>
        <source>Toutes les étiquettes</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Aucun favori ne porte l&apos;étiquette « {0} ».</source>
        <translation>No favourite has the tag “{0}”.</translation>
    </message>
    <message>
        <source>Aucun favori pour l&apos;instant.

Ctrl+D ajoute aux favoris l&apos;élément choisi dans le texte (ou le retire) ; les favoris se retrouvent ici, se filtrent par étiquette et se glissent dans un dossier de formation.</source>
        <translation>No favourites yet.

Ctrl+D adds the item chosen in the text to the favourites (or removes it); favourites are gathered here, can be filtered by tag and dragged into a course folder.</translation>
    </message>
    <message>
        <source>Filtrer les favoris par étiquette</source>
        <translation>Filter the favourites by tag</translation>
    </message>
    <message>
        <source>Ordre des favoris</source>
        <translation>Order of the favourites</translation>
    </message>
    <message>
        <source>Ordre de lecture</source>
        <translation>Reading order</translation>
    </message>
    <message>
        <source>Les plus récents</source>
        <translation>Most recent first</translation>
    </message>
    <message>
        <source>Mes favoris</source>
        <translation>My favourites</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <source>Filtres actifs :</source>
        <translation>Active filters:</translation>
    </message>
    <message>
        <source>Filtre actif :</source>
        <translation>Active filter:</translation>
    </message>
    <message>
        <source>Retirer le filtre « {0} »</source>
        <translation>Remove the filter “{0}”</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>« {0} »</source>
        <translation>“{0}”</translation>
    </message>
    <message>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <source>aucune occurrence ici</source>
        <translation>no match here</translation>
    </message>
    <message>
        <source>Mots cherchés dans la page</source>
        <translation>Words searched for in the page</translation>
    </message>
    <message>
        <source>Occurrence précédente (Maj+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>Occurrence suivante (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <source>Effacer le surlignage (Échap)</source>
        <translation>Clear the highlighting (Esc)</translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>Nouveau dossier de formation</source>
        <translation>New course folder</translation>
    </message>
    <message>
        <source>Propriétés du dossier</source>
        <translation>Folder properties</translation>
    </message>
    <message>
        <source>&amp;Nom :</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Titre du livret :</source>
        <translation>Handout &amp;title:</translation>
    </message>
    <message>
        <source>&amp;Public :</source>
        <translation>&amp;Audience:</translation>
    </message>
    <message>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>p. ex. Manager en crise — session de mars</source>
        <translation>e.g. Managing in a crisis — March session</translation>
    </message>
    <message>
        <source>Imprimé en tête du livret (par défaut : le nom)</source>
        <translation>Printed at the top of the handout (default: the name)</translation>
    </message>
    <message>
        <source>p. ex. Encadrant·e·s de proximité</source>
        <translation>e.g. Front-line managers</translation>
    </message>
    <message>
        <source>Date de la formation</source>
        <translation>Date of the course</translation>
    </message>
    <message>
        <source>Le titre, le public et la date figurent sur la première page du livret imprimé à partir de ce dossier.</source>
        <translation>The title, audience and date appear on the first page of the handout printed from this folder.</translation>
    </message>
    <message>
        <source>Nom du dossier</source>
        <translation>Folder name</translation>
    </message>
    <message>
        <source>Titre du livret</source>
        <translation>Handout title</translation>
    </message>
    <message>
        <source>Public de la formation</source>
        <translation>Course audience</translation>
    </message>
</context>
<context>
    <name>FolderMenu</name>
    <message>
        <source>Public : {0}</source>
        <translation>Audience: {0}</translation>
    </message>
    <message>
        <source>Date : {0}</source>
        <translation>Date: {0}</translation>
    </message>
    <message>
        <source>{0} élément</source>
        <translation>{0} item</translation>
    </message>
    <message>
        <source>{0} éléments</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>⚠ Introuvable dans le texte actuel : {0}</source>
        <translation>⚠ Not found in the current text: {0}</translation>
    </message>
    <message>
        <source>Ajouté au dossier « {0} » : {1}</source>
        <translation>Added to the folder “{0}”: {1}</translation>
    </message>
    <message>
        <source>Déjà dans le dossier « {0} » : {1}</source>
        <translation>Already in the folder “{0}”: {1}</translation>
    </message>
    <message>
        <source>Déjà dans le dossier « {0} ».</source>
        <translation>Already in the folder “{0}”.</translation>
    </message>
    <message>
        <source>Ajouté au dossier « {0} ».</source>
        <translation>Added to the folder “{0}”.</translation>
    </message>
    <message>
        <source>{1} éléments ajoutés au dossier « {0} ».</source>
        <translation>{1} items added to the folder “{0}”.</translation>
    </message>
    <message>
        <source>Nouveau dossier…</source>
        <translation>New folder…</translation>
    </message>
    <message>
        <source>Ajouter au &amp;dossier</source>
        <translation>Add to &amp;folder</translation>
    </message>
</context>
<context>
    <name>FoldersPanel</name>
    <message>
        <source>Supprimer le dossier vide « {1} » ?</source>
        <translation>Delete the empty folder “{1}”?</translation>
    </message>
    <message>
        <source>Supprimer le dossier « {1} » et son élément ?</source>
        <translation>Delete the folder “{1}” and its item?</translation>
    </message>
    <message>
        <source>Supprimer le dossier « {1} » et ses {0} éléments ?</source>
        <translation>Delete the folder “{1}” and its {0} items?</translation>
    </message>
    <message>
        <source>Les éléments restent dans la bibliothèque, et Édition › Annuler (Ctrl+Z) rétablit le dossier.</source>
        <translation>The items stay in the library, and Edit › Undo (Ctrl+Z) brings the folder back.</translation>
    </message>
    <message>
        <source>Supprimer le dossier</source>
        <translation>Delete the folder</translation>
    </message>
    <message>
        <source>Dossier « {0} » supprimé (Ctrl+Z pour annuler).</source>
        <translation>Folder “{0}” deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Retiré du dossier (Ctrl+Z pour annuler).</source>
        <translation>Removed from the folder (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Note pour le dossier « {0} »</source>
        <translation>Note for the folder “{0}”</translation>
    </message>
    <message>
        <source>Cette note n&apos;accompagne l&apos;élément que dans ce dossier (elle s&apos;imprime dans le livret du formateur).</source>
        <translation>This note goes with the item in this folder only (it is printed in the trainer&apos;s handout).</translation>
    </message>
    <message>
        <source>&amp;Nouveau dossier…</source>
        <translation>&amp;New folder…</translation>
    </message>
    <message>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Note pour ce dossier…</source>
        <translation>&amp;Note for this folder…</translation>
    </message>
    <message>
        <source>&amp;Retirer du dossier</source>
        <translation>&amp;Remove from the folder</translation>
    </message>
    <message>
        <source>Monter (Ctrl+↑)</source>
        <translation>Move up (Ctrl+↑)</translation>
    </message>
    <message>
        <source>Descendre (Ctrl+↓)</source>
        <translation>Move down (Ctrl+↓)</translation>
    </message>
    <message>
        <source>&amp;Propriétés (titre, public, date)…</source>
        <translation>&amp;Properties (title, audience, date)…</translation>
    </message>
    <message>
        <source>Re&amp;nommer</source>
        <translation>Re&amp;name</translation>
    </message>
    <message>
        <source>&amp;Supprimer le dossier…</source>
        <translation>&amp;Delete the folder…</translation>
    </message>
    <message>
        <source>&amp;Imprimer le livret…</source>
        <translation>Print the &amp;handout…</translation>
    </message>
    <message>
        <source>Choisissez d&apos;abord un dossier</source>
        <translation>Choose a folder first</translation>
    </message>
    <message>
        <source>Aucun dossier de formation.

« Nouveau » en crée un ; glissez-y ensuite des pistes depuis les résultats de recherche, les favoris ou le texte (ou clic droit › Ajouter au dossier).</source>
        <translation>No course folder.

“New” creates one; then drag lines of thought into it from the search results, the favourites or the text (or right-click › Add to folder).</translation>
    </message>
    <message>
        <source>Note dans ce dossier : {0}</source>
        <translation>Note in this folder: {0}</translation>
    </message>
    <message>
        <source>Pas de note dans ce dossier.</source>
        <translation>No note in this folder.</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Écrire…</source>
        <translation>Write…</translation>
    </message>
    <message>
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Nouveau dossier de formation</source>
        <translation>New course folder</translation>
    </message>
    <message>
        <source>Propriétés…</source>
        <translation>Properties…</translation>
    </message>
    <message>
        <source>Titre, public et date du livret</source>
        <translation>Title, audience and date of the handout</translation>
    </message>
    <message>
        <source>Plus</source>
        <translation>More</translation>
    </message>
    <message>
        <source>Autres commandes du dossier</source>
        <translation>More folder commands</translation>
    </message>
    <message>
        <source>Dossiers de formation</source>
        <translation>Course folders</translation>
    </message>
    <message>
        <source>F2 renomme, Suppr retire, Ctrl+flèches réordonnent, Entrée ouvre.</source>
        <translation>F2 renames, Del removes, Ctrl+arrows reorder, Enter opens.</translation>
    </message>
    <message>
        <source>Note de l&apos;élément dans ce dossier</source>
        <translation>The item&apos;s note in this folder</translation>
    </message>
</context>
<context>
    <name>HighlightActions</name>
    <message>
        <source>Sélectionnez d&apos;abord des mots d&apos;un seul élément (une piste, un terrain…).</source>
        <translation>First select words within a single item (a line of thought, a field site…).</translation>
    </message>
    <message>
        <source>Surligné en {0} : enregistré.</source>
        <translation>Highlighted in {0}: saved.</translation>
    </message>
    <message>
        <source>Surligner avec une note</source>
        <translation>Highlight with a note</translation>
    </message>
    <message>
        <source>&amp;Surligner</source>
        <translation>&amp;Highlight</translation>
    </message>
    <message>
        <source>Surligner (sélectionnez dans un seul élément)</source>
        <translation>Highlight (select within a single item)</translation>
    </message>
    <message>
        <source>Surligner avec une &amp;note…</source>
        <translation>Highlight with a &amp;note…</translation>
    </message>
    <message>
        <source>Surlignage « {0} »</source>
        <translation>Highlight “{0}”</translation>
    </message>
    <message>
        <source>Afficher dans le panneau des notes</source>
        <translation>Show in the notes panel</translation>
    </message>
    <message>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Retirer le surlignage</source>
        <translation>Remove the highlight</translation>
    </message>
</context>
<context>
    <name>HighlightColours</name>
    <message>
        <source>Jaune</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>Vert</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>Bleu</source>
        <translation>Blue</translation>
    </message>
    <message>
        <source>Rose</source>
        <translation>Pink</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
</context>
<context>
    <name>ItemCommands</name>
    <message>
        <source>Choisissez d&apos;abord un élément : un clic dans le texte, J ou K, ou une ligne d&apos;une liste.</source>
        <translation>Choose an item first: a click in the text, J or K, or a row of a list.</translation>
    </message>
    <message>
        <source>Ajouté aux favoris : {0}</source>
        <translation>Added to favourites: {0}</translation>
    </message>
    <message>
        <source>Retiré des favoris : {0} (Ctrl+Z pour annuler)</source>
        <translation>Removed from favourites: {0} (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>Nouvelle note : {0}</source>
        <translation>New note: {0}</translation>
    </message>
    <message>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Retirer des favoris</source>
        <translation>Remove from favourites</translation>
    </message>
    <message>
        <source>Ajouter aux favoris</source>
        <translation>Add to favourites</translation>
    </message>
    <message>
        <source>Ajouter une note…</source>
        <translation>Add a note…</translation>
    </message>
    <message>
        <source>★ Retirer des &amp;favoris</source>
        <translation>★ Remove from &amp;favourites</translation>
    </message>
    <message>
        <source>☆ Ajouter aux &amp;favoris</source>
        <translation>☆ Add to &amp;favourites</translation>
    </message>
</context>
<context>
    <name>ItemSummary</name>
    <message>
        <source>{0} à {1}</source>
        <translation>{0} at {1}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Intertitre</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Piste de réflexion</source>
        <translation>Line of thought</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>Field site</translation>
    </message>
    <message>
        <source>Ressource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>Intervenant·e</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Pistes de réflexion</source>
        <translation>Lines of thought</translation>
    </message>
    <message>
        <source>Terrains</source>
        <translation>Field sites</translation>
    </message>
    <message>
        <source>Ressources</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Intervenant·e·s</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>intertitre {0}</source>
        <translation>theme {0}</translation>
    </message>
    <message>
        <source>piste {0}</source>
        <translation>line of thought {0}</translation>
    </message>
    <message>
        <source>terrain {0}</source>
        <translation>field site {0}</translation>
    </message>
    <message>
        <source>ressource {0}</source>
        <translation>resource {0}</translation>
    </message>
    <message>
        <source>intervenant·e {0}</source>
        <translation>speaker {0}</translation>
    </message>
    <message>
        <source>Connecteur Recherche du {0}</source>
        <translation>Connecteur Recherche of {0}</translation>
    </message>
    <message>
        <source>Session {0} — {1}</source>
        <translation>Session {0} — {1}</translation>
    </message>
    <message>
        <source>{0}, session {1}</source>
        <translation>{0}, session {1}</translation>
    </message>
    <message>
        <source>Présentation du Connecteur Recherche</source>
        <translation>About the Connecteur Recherche</translation>
    </message>
    <message>
        <source>Présentation</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>Ce qu&apos;est le Connecteur Recherche</source>
        <translation>What the Connecteur Recherche is</translation>
    </message>
    <message>
        <source>Index des intervenant·e·s</source>
        <translation>Index of speakers</translation>
    </message>
    <message>
        <source>Toutes les personnes intervenues, avec leurs sessions</source>
        <translation>Everyone who spoke, with their sessions</translation>
    </message>
    <message>
        <source>Bibliographie</source>
        <translation>Bibliography</translation>
    </message>
    <message>
        <source>Toutes les ressources citées, avec leurs liens</source>
        <translation>Every resource cited, with its links</translation>
    </message>
    <message>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0}, {1} élément</source>
        <translation>{0}, {1} item</translation>
    </message>
    <message>
        <source>{0}, {1} éléments</source>
        <translation>{0}, {1} items</translation>
    </message>
</context>
<context>
    <name>LibraryDocuments</name>
    <message>
        <source>Un document est déjà en cours d&apos;import ou de retrait.</source>
        <translation>A document is already being imported or removed.</translation>
    </message>
    <message>
        <source>Importer un document</source>
        <translation>Import a document</translation>
    </message>
    <message>
        <source>Synthèses Connecteur (*.pdf *.txt);;PDF (*.pdf);;Texte (*.txt);;Tous les fichiers (*)</source>
        <translation>Connecteur summaries (*.pdf *.txt);;PDF (*.pdf);;Text (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Lecture de « {0} »…</source>
        <translation>Reading “{0}”…</translation>
    </message>
    <message>
        <source>Lecture du document…</source>
        <translation>Reading the document…</translation>
    </message>
    <message>
        <source>Import de « {0} »…</source>
        <translation>Importing “{0}”…</translation>
    </message>
    <message>
        <source>Import du document…</source>
        <translation>Importing the document…</translation>
    </message>
    <message>
        <source>« {0} » est déjà dans la bibliothèque, à l&apos;identique : rien n&apos;a changé.</source>
        <translation>“{0}” is already in the library, identical: nothing has changed.</translation>
    </message>
    <message>
        <source>« {0} » ajouté à la bibliothèque : {1}, {2} ; {3}.</source>
        <translation>“{0}” added to the library: {1}, {2}; {3}.</translation>
    </message>
    <message>
        <source>Remplace le document « {0} » (importé le {1}).</source>
        <translation>Replaces the document “{0}” (imported on {1}).</translation>
    </message>
    <message>
        <source>Recherche : {0} élément ajouté à l&apos;index.</source>
        <translation>Search: {0} item added to the index.</translation>
    </message>
    <message>
        <source>Recherche : {0} éléments ajoutés à l&apos;index.</source>
        <translation>Search: {0} items added to the index.</translation>
    </message>
    <message>
        <source>Document importé</source>
        <translation>Document imported</translation>
    </message>
    <message>
        <source>Retrait en cours…</source>
        <translation>Removing…</translation>
    </message>
    <message>
        <source>Retrait du document…</source>
        <translation>Removing the document…</translation>
    </message>
    <message>
        <source>« {0} » retiré de la bibliothèque ({1}).</source>
        <translation>“{0}” removed from the library ({1}).</translation>
    </message>
    <message>
        <source>Document retiré</source>
        <translation>Document removed</translation>
    </message>
    <message>
        <source>Document refusé</source>
        <translation>Document refused</translation>
    </message>
    <message>
        <source>Opération impossible</source>
        <translation>Operation not possible</translation>
    </message>
    <message>
        <source>Import annulé : rien n&apos;a été écrit.</source>
        <translation>Import cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Annotations orphelines…</source>
        <translation>Orphaned annotations…</translation>
    </message>
    <message>
        <source>Import de « {0} » : {1}…</source>
        <translation>Importing “{0}”: {1}…</translation>
    </message>
</context>
<context>
    <name>LibraryNotice</name>
    <message>
        <source>Documents importés</source>
        <translation>Imported documents</translation>
    </message>
    <message>
        <source>Afficher les détails</source>
        <translation>Show the details</translation>
    </message>
    <message>
        <source>Une partie de vos documents importés n&apos;a pas pu être chargée ; le reste de la bibliothèque est disponible.</source>
        <translation>Some of your imported documents could not be loaded; the rest of the library is available.</translation>
    </message>
</context>
<context>
    <name>LinkOpener</name>
    <message>
        <source>sans protocole</source>
        <translation>no scheme</translation>
    </message>
    <message>
        <source>Lien refusé ({0}) : seuls les liens web http et https s&apos;ouvrent depuis Connecteur.</source>
        <translation>Link refused ({0}): only http and https web links open from Connecteur.</translation>
    </message>
    <message>
        <source>Le navigateur n&apos;a pas pu ouvrir {0}.</source>
        <translation>The browser could not open {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>La bibliothèque a changé (document importé ou retiré ailleurs) : elle est à jour.</source>
        <translation>The library has changed (a document was imported or removed elsewhere): it is up to date.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Favoris</source>
        <translation>Favourites</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Folders</translation>
    </message>
    <message>
        <source>Étiquettes</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Voir aussi</source>
        <translation>See also</translation>
    </message>
    <message>
        <source>Introuvable dans la bibliothèque : {0}</source>
        <translation>Not found in the library: {0}</translation>
    </message>
    <message>
        <source>Lien non reconnu : {0}</source>
        <translation>Unrecognised link: {0}</translation>
    </message>
    <message>
        <source>Zoom : {0} %</source>
        <translation>Zoom: {0} %</translation>
    </message>
    <message>
        <source>Barre d&apos;outils</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Zones de la fenêtre</source>
        <translation>Window areas</translation>
    </message>
    <message>
        <source>Sommaire et résultats</source>
        <translation>Contents and results</translation>
    </message>
    <message>
        <source>Panneau latéral</source>
        <translation>Side panel</translation>
    </message>
</context>
<context>
    <name>NavigationPane</name>
    <message>
        <source>Sommaire de la bibliothèque</source>
        <translation>Library contents</translation>
    </message>
    <message>
        <source>Journées, sessions, rubriques et leurs éléments ; Entrée ou clic pour afficher, Ctrl+D ajoute l&apos;élément choisi aux favoris.</source>
        <translation>Days, sessions, sections and their items; Enter or click to show, Ctrl+D adds the chosen item to the favourites.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Texte de la note</source>
        <translation>Text of the note</translation>
    </message>
    <message>
        <source>Votre note…</source>
        <translation>Your note…</translation>
    </message>
    <message>
        <source>Une ligne vide sépare les paragraphes ; « - » en début de ligne fait une liste ; **gras** ; les liens https://… et connecteur://… sont cliquables. Ctrl+Entrée enregistre, Échap annule.</source>
        <translation>A blank line separates paragraphs; “- ” at the start of a line makes a list; **bold**; https://… and connecteur://… links can be clicked. Ctrl+Enter saves, Esc cancels.</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Nouvelle note</source>
        <translation>New note</translation>
    </message>
    <message>
        <source>Modifier la note</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <source>Étiquette « {0} » retirée (Ctrl+Z pour annuler).</source>
        <translation>Tag “{0}” removed (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Note supprimée (Ctrl+Z pour annuler).</source>
        <translation>Note deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Surlignage retiré (Ctrl+Z pour annuler).</source>
        <translation>Highlight removed (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Note du surlignage</source>
        <translation>Note of the highlight</translation>
    </message>
    <message>
        <source>&lt;b&gt;Aucun élément choisi&lt;/b&gt;</source>
        <translation>&lt;b&gt;No item chosen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Retirer l&apos;étiquette « {0} »</source>
        <translation>Remove the tag “{0}”</translation>
    </message>
    <message>
        <source>Étiquettes : {0}</source>
        <translation>Tags: {0}</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cliquez sur un élément du texte (une piste, un terrain, une ressource…) pour voir ses notes et en écrire.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Click an item of the text (a line of thought, a field site, a resource…) to see its notes and write some.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cet élément n&apos;est pas annotable.&lt;/p&gt;</source>
        <translation>&lt;p&gt;This item cannot be annotated.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Notes ({0})</source>
        <translation>Notes ({0})</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;meta&quot;&gt;Aucune note sur cet élément : « Ajouter une note » ci-dessous.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;meta&quot;&gt;No note on this item: “Add a note” below.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Surlignages ({0})</source>
        <translation>Highlights ({0})</translation>
    </message>
    <message>
        <source>modifiée le {0}</source>
        <translation>edited on {0}</translation>
    </message>
    <message>
        <source>écrite le {0}</source>
        <translation>written on {0}</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Ajouter une note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>Couleur</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Dans les dossiers</source>
        <translation>In the folders</translation>
    </message>
    <message>
        <source>Enregistré</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Ajouter au dossier</source>
        <translation>Add to folder</translation>
    </message>
    <message>
        <source>Ajouter l&apos;élément à un dossier</source>
        <translation>Add the item to a folder</translation>
    </message>
    <message>
        <source>Ajouter une étiquette (Entrée)</source>
        <translation>Add a tag (Enter)</translation>
    </message>
    <message>
        <source>Nouvelle étiquette</source>
        <translation>New tag</translation>
    </message>
    <message>
        <source>Étiquettes de l&apos;élément</source>
        <translation>Tags of the item</translation>
    </message>
    <message>
        <source>Notes et surlignages de l&apos;élément</source>
        <translation>Notes and highlights of the item</translation>
    </message>
    <message>
        <source>Ajouter une &amp;note</source>
        <translation>Add a &amp;note</translation>
    </message>
    <message>
        <source>Élément choisi</source>
        <translation>Chosen item</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Opération annulée.</source>
        <translation>Operation cancelled.</translation>
    </message>
</context>
<context>
    <name>OrphansView</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Surlignage</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <source>Favori</source>
        <translation>Favourite</translation>
    </message>
    <message>
        <source>Étiquette</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Élément de dossier</source>
        <translation>Folder item</translation>
    </message>
    <message>
        <source>Dossier « {0} » : {1}</source>
        <translation>Folder “{0}”: {1}</translation>
    </message>
    <message>
        <source>Dossier « {0} »</source>
        <translation>Folder “{0}”</translation>
    </message>
    <message>
        <source>Texte de l&apos;élément à l&apos;époque :</source>
        <translation>Text of the item at the time:</translation>
    </message>
    <message>
        <source>Note rattachée à l&apos;élément affiché (Ctrl+Z pour annuler).</source>
        <translation>Note attached to the item shown (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Annotation orpheline supprimée (Ctrl+Z pour annuler).</source>
        <translation>Orphaned annotation deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>&amp;Copier le texte</source>
        <translation>&amp;Copy the text</translation>
    </message>
    <message>
        <source>Aucune annotation orpheline : toutes vos annotations sont rattachées au texte actuel.</source>
        <translation>No orphaned annotation: all your annotations are attached to the current text.</translation>
    </message>
    <message>
        <source>{0} annotation n&apos;a pas pu être rattachée au texte actuel du corpus (passage supprimé ou trop modifié). Elle est conservée ici avec sa citation et votre texte.</source>
        <translation>{0} annotation could not be attached to the current text of the corpus (passage removed or changed too much). It is kept here with its quote and your text.</translation>
    </message>
    <message>
        <source>{0} annotations n&apos;ont pas pu être rattachées au texte actuel du corpus (passages supprimés ou trop modifiés). Elles sont conservées ici avec leur citation et votre texte.</source>
        <translation>{0} annotations could not be attached to the current text of the corpus (passages removed or changed too much). They are kept here with their quotes and your text.</translation>
    </message>
    <message>
        <source>Annotations orphelines</source>
        <translation>Orphaned annotations</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Votre texte</source>
        <translation>Your text</translation>
    </message>
    <message>
        <source>Dernière référence connue</source>
        <translation>Last known reference</translation>
    </message>
    <message>
        <source>Créée le</source>
        <translation>Created on</translation>
    </message>
    <message>
        <source>Détail de l&apos;annotation choisie</source>
        <translation>Details of the chosen annotation</translation>
    </message>
    <message>
        <source>&amp;Rattacher à l&apos;élément affiché</source>
        <translation>&amp;Attach to the item shown</translation>
    </message>
    <message>
        <source>&amp;Supprimer</source>
        <translation>&amp;Delete</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Importer un document — aperçu</source>
        <translation>Import a document — preview</translation>
    </message>
    <message>
        <source>PDF, {0}</source>
        <translation>PDF, {0}</translation>
    </message>
    <message>
        <source>texte {0}</source>
        <translation>{0} text</translation>
    </message>
    <message>
        <source>Document : « {0} » ({1})</source>
        <translation>Document: “{0}” ({1})</translation>
    </message>
    <message>
        <source>{0}, {1} : {2}.</source>
        <translation>{0}, {1}: {2}.</translation>
    </message>
    <message>
        <source>Contenu</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Pistes</source>
        <translation>Lines of thought</translation>
    </message>
    <message>
        <source>Terrains</source>
        <translation>Field sites</translation>
    </message>
    <message>
        <source>Ressources</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Liens</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Intervenant·e·s</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>À vérifier : {0}</source>
        <translation>To check: {0}</translation>
    </message>
    <message>
        <source>(sans intertitre)</source>
        <translation>(no theme)</translation>
    </message>
    <message>
        <source>{0} : {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>{0} point à vérifier (gardé tel quel) :</source>
        <translation>{0} point to check (kept as it is):</translation>
    </message>
    <message>
        <source>{0} points à vérifier (gardés tels quels) :</source>
        <translation>{0} points to check (kept as they are):</translation>
    </message>
    <message>
        <source>Remplacer le document existant</source>
        <translation>Replace the existing document</translation>
    </message>
    <message>
        <source>Le document déjà importé sera remplacé par celui-ci ; vos annotations le suivent (celles dont le passage a disparu deviennent orphelines, jamais perdues).</source>
        <translation>The document already imported will be replaced by this one; your annotations follow it (those whose passage has gone become orphaned, never lost).</translation>
    </message>
    <message>
        <source>Ce document est déjà dans la bibliothèque, à l&apos;identique : l&apos;importer ne changerait rien.</source>
        <translation>This document is already in the library, identical: importing it would change nothing.</translation>
    </message>
    <message>
        <source>Ce document ne peut pas être importé : le corpus livré avec Connecteur ne peut pas être remplacé.</source>
        <translation>This document cannot be imported: the corpus shipped with Connecteur cannot be replaced.</translation>
    </message>
    <message>
        <source>Rien n&apos;est encore enregistré : « Importer » ajoute ce document à votre bibliothèque.</source>
        <translation>Nothing is saved yet: “Import” adds this document to your library.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Vos annotations sont indisponibles : l&apos;édition formateur·rice sera imprimée sans vos notes.</source>
        <translation>Your annotations are unavailable: the trainer edition will be printed without your notes.</translation>
    </message>
    <message>
        <source>Avec vos notes, vos surlignages et les notes de dossier : à garder pour vous.</source>
        <translation>With your notes, highlights and folder notes: keep it for yourself.</translation>
    </message>
    <message>
        <source>Le contenu seul, sans aucune note personnelle : à distribuer.</source>
        <translation>The content only, without any personal note: to hand out.</translation>
    </message>
    <message>
        <source>Préparation du support…</source>
        <translation>Preparing the handout…</translation>
    </message>
    <message>
        <source>Enregistrer le support en HTML accessible</source>
        <translation>Save the handout as accessible HTML</translation>
    </message>
    <message>
        <source>Pages web (*.html)</source>
        <translation>Web pages (*.html)</translation>
    </message>
    <message>
        <source>Enregistrement en HTML…</source>
        <translation>Saving as HTML…</translation>
    </message>
    <message>
        <source>Enregistré en HTML accessible : {0}</source>
        <translation>Saved as accessible HTML: {0}</translation>
    </message>
    <message>
        <source>Interrompt la préparation du support</source>
        <translation>Stops preparing the handout</translation>
    </message>
    <message>
        <source>Mise en page du support… {0} %</source>
        <translation>Laying out the handout… {0}%</translation>
    </message>
    <message>
        <source>Aperçu fermé. Changez d&apos;édition ou de contenu pour un autre support, ou fermez.</source>
        <translation>Preview closed. Change the edition or the contents for another handout, or close.</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Préparation interrompue : aucun fichier n&apos;a été écrit.</source>
        <translation>Preparation stopped: no file was written.</translation>
    </message>
    <message>
        <source>Imprimer / Exporter en PDF</source>
        <translation>Print / Export as PDF</translation>
    </message>
    <message>
        <source>Contenu</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Édition</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>Mise en page</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Couverture</source>
        <translation>Cover</translation>
    </message>
    <message>
        <source>Sessions à imprimer</source>
        <translation>Sessions to print</translation>
    </message>
    <message>
        <source>Dossier de formation à imprimer</source>
        <translation>Course folder to print</translation>
    </message>
    <message>
        <source>&amp;Participant·e (à distribuer)</source>
        <translation>&amp;Participant (to hand out)</translation>
    </message>
    <message>
        <source>&amp;Formateur·rice (avec vos notes)</source>
        <translation>&amp;Trainer (with your notes)</translation>
    </message>
    <message>
        <source>Pap&amp;ier :</source>
        <translation>Pap&amp;er:</translation>
    </message>
    <message>
        <source>&amp;Lignes pour prendre des notes</source>
        <translation>&amp;Lines for taking notes</translation>
    </message>
    <message>
        <source>Impression recto &amp;verso (chaque session commence sur une page de droite)</source>
        <translation>Print on &amp;both sides (each session starts on a right-hand page)</translation>
    </message>
    <message>
        <source>&amp;Titre :</source>
        <translation>T&amp;itle:</translation>
    </message>
    <message>
        <source>&amp;Sous-titre :</source>
        <translation>&amp;Subtitle:</translation>
    </message>
    <message>
        <source>P&amp;ublic :</source>
        <translation>A&amp;udience:</translation>
    </message>
    <message>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Formateur·&amp;rice :</source>
        <translation>T&amp;rainer:</translation>
    </message>
    <message>
        <source>par défaut selon le contenu</source>
        <translation>by default, from the contents</translation>
    </message>
    <message>
        <source>ex. : encadrant·e·s de proximité</source>
        <translation>e.g. front-line managers</translation>
    </message>
    <message>
        <source>votre nom, imprimé sur la couverture</source>
        <translation>your name, printed on the cover</translation>
    </message>
    <message>
        <source>imprimer la date</source>
        <translation>print the date</translation>
    </message>
    <message>
        <source>Imprimer une date sur la couverture</source>
        <translation>Print a date on the cover</translation>
    </message>
    <message>
        <source>&amp;Aperçu…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <source>Enregistrer en &amp;HTML accessible…</source>
        <translation>Save as accessible &amp;HTML…</translation>
    </message>
    <message>
        <source>Le même support en une page web lisible par les lecteurs d&apos;écran (titres, listes et liens balisés), à ouvrir dans un navigateur ou à imprimer.</source>
        <translation>The same handout as a web page that screen readers can follow (headings, lists and links marked up), to open in a browser or to print.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Progression de la mise en page</source>
        <translation>Layout progress</translation>
    </message>
    <message>
        <source>La session affichée : {0}</source>
        <translation>The session shown: {0}</translation>
    </message>
    <message>
        <source>La session affichée</source>
        <translation>The session shown</translation>
    </message>
    <message>
        <source>Les sessions cochées :</source>
        <translation>The sessions ticked:</translation>
    </message>
    <message>
        <source>Toute la bibliothèque ({0} session)</source>
        <translation>The whole library ({0} session)</translation>
    </message>
    <message>
        <source>Toute la bibliothèque ({0} sessions)</source>
        <translation>The whole library ({0} sessions)</translation>
    </message>
    <message>
        <source>Un dossier de formation :</source>
        <translation>A course folder:</translation>
    </message>
    <message>
        <source>Mes favoris ({0})</source>
        <translation>My favourites ({0})</translation>
    </message>
    <message>
        <source>Aucun dossier de formation pour l&apos;instant.</source>
        <translation>No course folder yet.</translation>
    </message>
    <message>
        <source>Aucun élément marqué d&apos;une étoile pour l&apos;instant.</source>
        <translation>No starred item yet.</translation>
    </message>
    <message>
        <source>Tapez d&apos;abord une recherche.</source>
        <translation>Type a search first.</translation>
    </message>
    <message>
        <source>Vos annotations sont indisponibles.</source>
        <translation>Your annotations are unavailable.</translation>
    </message>
    <message>
        <source>Les résultats de la recherche</source>
        <translation>The search results</translation>
    </message>
    <message>
        <source>Les résultats de la recherche « {0} »</source>
        <translation>The results of the search “{0}”</translation>
    </message>
    <message>
        <source>Les résultats de la recherche « {0} » ({1})</source>
        <translation>The results of the search “{0}” ({1})</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <source>Enregistrement en HTML…</source>
        <translation>Saving as HTML…</translation>
    </message>
    <message>
        <source>Mise en page du support…</source>
        <translation>Laying out the handout…</translation>
    </message>
</context>
<context>
    <name>PrintOutput</name>
    <message>
        <source>L&apos;impression n&apos;a pas pu commencer : vérifiez l&apos;imprimante choisie.</source>
        <translation>Printing could not start: check the printer chosen.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>L&apos;aperçu n&apos;a pas pu être affiché.</source>
        <translation>The preview could not be shown.</translation>
    </message>
    <message>
        <source>Le PDF produit est illisible ({0}).</source>
        <translation>The PDF produced cannot be read ({0}).</translation>
    </message>
    <message>
        <source>Imprimer le support</source>
        <translation>Print the handout</translation>
    </message>
    <message>
        <source>Impression en cours…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Arrêter</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Le support n&apos;a pas été imprimé.</source>
        <translation>The handout was not printed.</translation>
    </message>
    <message>
        <source>Envoyé à l&apos;impression : {0} page.</source>
        <translation>Sent to the printer: {0} page.</translation>
    </message>
    <message>
        <source>Envoyé à l&apos;impression : {0} pages.</source>
        <translation>Sent to the printer: {0} pages.</translation>
    </message>
    <message>
        <source>Enregistrer le support en PDF</source>
        <translation>Save the handout as PDF</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Le support n&apos;a pas été enregistré.</source>
        <translation>The handout was not saved.</translation>
    </message>
    <message>
        <source>Enregistré : {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Connecteur</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <source>édition formateur·rice</source>
        <translation>trainer edition</translation>
    </message>
    <message>
        <source>édition participant·e</source>
        <translation>participant edition</translation>
    </message>
    <message>
        <source>{0} page · {1} · {2} · mis en page en {3} s</source>
        <translation>{0} page · {1} · {2} · laid out in {3} s</translation>
    </message>
    <message>
        <source>{0} pages · {1} · {2} · mis en page en {3} s</source>
        <translation>{0} pages · {1} · {2} · laid out in {3} s</translation>
    </message>
    <message>
        <source>Aperçu : {0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Page suivante</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Zoom avant</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom arrière</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>&amp;Imprimer…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Enregistrer en PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source> sur {0} </source>
        <translation> of {0} </translation>
    </message>
    <message>
        <source>Page affichée</source>
        <translation>Page shown</translation>
    </message>
    <message>
        <source>Pleine largeur</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Page entière</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Aperçu du support</source>
        <translation>Handout preview</translation>
    </message>
    <message>
        <source>Barre d&apos;outils de l&apos;aperçu</source>
        <translation>Preview toolbar</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReadingAnnotations</name>
    <message>
        <source>Retirer des favoris</source>
        <translation>Remove from favourites</translation>
    </message>
    <message>
        <source>Ajouter aux favoris</source>
        <translation>Add to favourites</translation>
    </message>
    <message>
        <source>Ajouter une note…</source>
        <translation>Add a note…</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Rien à copier : choisissez d&apos;abord un élément ou sélectionnez du texte.</source>
        <translation>Nothing to copy: choose an item or select some text first.</translation>
    </message>
    <message>
        <source>Copié avec sa référence.</source>
        <translation>Copied with its reference.</translation>
    </message>
    <message>
        <source>Lien copié : {0}</source>
        <translation>Link copied: {0}</translation>
    </message>
    <message>
        <source>Aucun élément.</source>
        <translation>No item.</translation>
    </message>
    <message>
        <source>{date} · session {number}</source>
        <translation>{date} · session {number}</translation>
    </message>
    <message>
        <source>Les sessions de la journée</source>
        <translation>The sessions of the day</translation>
    </message>
    <message>
        <source>Les deux journées du Connecteur Recherche</source>
        <translation>The two days of the Connecteur Recherche</translation>
    </message>
    <message>
        <source>Les {0} journées de la bibliothèque</source>
        <translation>The {0} days of the library</translation>
    </message>
    <message>
        <source>{0} note</source>
        <translation>{0} note</translation>
    </message>
    <message>
        <source>{0} notes</source>
        <translation>{0} notes</translation>
    </message>
    <message>
        <source>{0} piste</source>
        <translation>{0} line of thought</translation>
    </message>
    <message>
        <source>{0} pistes</source>
        <translation>{0} lines of thought</translation>
    </message>
    <message>
        <source>{0} terrain</source>
        <translation>{0} field site</translation>
    </message>
    <message>
        <source>{0} terrains</source>
        <translation>{0} field sites</translation>
    </message>
    <message>
        <source>{0} ressource</source>
        <translation>{0} resource</translation>
    </message>
    <message>
        <source>{0} ressources</source>
        <translation>{0} resources</translation>
    </message>
    <message>
        <source>Le document affiché ; J et K (ou Alt+flèches) passent d&apos;un élément à l&apos;autre, Tab d&apos;un lien à l&apos;autre.</source>
        <translation>The document shown; J and K (or Alt+arrows) move from item to item, Tab from link to link.</translation>
    </message>
    <message>
        <source>Favori</source>
        <translation>Starred</translation>
    </message>
    <message>
        <source>Afficher les notes de cet élément</source>
        <translation>Show this item&apos;s notes</translation>
    </message>
    <message>
        <source>Aller à {0}</source>
        <translation>Go to {0}</translation>
    </message>
    <message>
        <source>Ouvrir dans le navigateur : {0}</source>
        <translation>Open in the browser: {0}</translation>
    </message>
    <message>
        <source>Texte de la session</source>
        <translation>Session text</translation>
    </message>
    <message>
        <source>Copier cet élément avec sa référence</source>
        <translation>Copy this item with its reference</translation>
    </message>
    <message>
        <source>Copier le lien vers cet élément</source>
        <translation>Copy the link to this item</translation>
    </message>
</context>
<context>
    <name>ReadyProbe</name>
    <message>
        <source>La fenêtre n&apos;a pas été prête à temps.</source>
        <translation>The window was not ready in time.</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <source>À partir de : {0}</source>
        <translation>Starting from: {0}</translation>
    </message>
    <message>
        <source>Les éléments proches n&apos;ont pas pu être cherchés : {0}</source>
        <translation>Related items could not be looked up: {0}</translation>
    </message>
    <message>
        <source>Choisissez un élément (un clic dans le texte, un résultat, un favori) : les pistes, terrains et ressources des autres sessions qui parlent des mêmes choses s&apos;afficheront ici.</source>
        <translation>Choose an item (a click in the text, a result, a favourite): the lines of thought, field sites and resources of the other sessions that talk about the same things will appear here.</translation>
    </message>
    <message>
        <source>Recherche des éléments proches…</source>
        <translation>Looking for related items…</translation>
    </message>
    <message>
        <source>Aucun élément proche dans les autres sessions.</source>
        <translation>No related items in the other sessions.</translation>
    </message>
    <message>
        <source>Voir aussi : éléments proches</source>
        <translation>See also: related items</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>En commun : {0}</source>
        <translation>In common: {0}</translation>
    </message>
    <message>
        <source>dans le thème « {0} »</source>
        <translation>in the theme “{0}”</translation>
    </message>
    <message>
        <source>dans la session « {0} »</source>
        <translation>in the session “{0}”</translation>
    </message>
    <message>
        <source>dans l&apos;élément annoté « {0} »</source>
        <translation>in the annotated item “{0}”</translation>
    </message>
    <message>
        <source>Trouvé {0}</source>
        <translation>Found {0}</translation>
    </message>
    <message>
        <source> et </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Chercher dans la bibliothèque (Ctrl+K)</source>
        <translation>Search the library (Ctrl+K)</translation>
    </message>
    <message>
        <source>Recherche</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Les résultats s&apos;affichent pendant la frappe ; flèches pour les parcourir, Entrée pour ouvrir, Échap pour effacer.</source>
        <translation>Results appear as you type; arrows walk them, Enter opens, Escape clears.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Tous les types</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Toutes les sessions</source>
        <translation>All sessions</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 résultat&lt;/b&gt;</source>
        <translation>&lt;b&gt;1 result&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} résultats&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0} results&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>les filtres {0} et {1}</source>
        <translation>the {0} and {1} filters</translation>
    </message>
    <message>
        <source>le filtre {0}</source>
        <translation>the {0} filter</translation>
    </message>
    <message>
        <source>{0} autres masqués par {1}</source>
        <translation>{0} others hidden by {1}</translation>
    </message>
    <message>
        <source>1 autre masqué par {0}</source>
        <translation>1 other hidden by {0}</translation>
    </message>
    <message>
        <source>{0} résultats masqués par {1}</source>
        <translation>{0} results hidden by {1}</translation>
    </message>
    <message>
        <source>1 résultat masqué par {0}</source>
        <translation>1 result hidden by {0}</translation>
    </message>
    <message>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <source>Vouliez-vous dire {0} ?</source>
        <translation>Did you mean {0}?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;La recherche n&apos;a pas abouti.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;The search did not complete.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{0}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;La recherche est indisponible.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{0}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Search is unavailable.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;{0}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Index en cours de reconstruction…{0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Les résultats s&apos;afficheront dès qu&apos;il sera prêt ; vous pouvez continuer à lire.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Rebuilding the search index…{0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Results will appear as soon as it is ready; you can keep reading.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Ouverture de l&apos;index de recherche…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Opening the search index…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Recherche en cours…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Searching…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Aucun résultat pour « {0} ».&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;No results for “{0}”.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Des filtres sont actifs : &lt;a href=&quot;action:clear-filters&quot;&gt;retirer les filtres&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Filters are on: &lt;a href=&quot;action:clear-filters&quot;&gt;remove the filters&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Essayez :&lt;/p&gt;&lt;ul&gt;&lt;li&gt;de vérifier l&apos;orthographe ou d&apos;utiliser moins de mots ;&lt;/li&gt;&lt;li&gt;le début d&apos;un mot suivi de * (&lt;i&gt;numéri*&lt;/i&gt;) ;&lt;/li&gt;&lt;li&gt;des mots proches reliés par OU (&lt;i&gt;maire OU élu&lt;/i&gt;).&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Try:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;checking the spelling or using fewer words;&lt;/li&gt;&lt;li&gt;the start of a word followed by * (&lt;i&gt;numéri*&lt;/i&gt;);&lt;/li&gt;&lt;li&gt;related words joined by OR (&lt;i&gt;maire OR élu&lt;/i&gt;).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;The library is in French: search with French words.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Chercher dans les sept sessions&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Pistes de réflexion, terrains, ressources et intervenant·e·s : les résultats s&apos;affichent pendant la frappe.&lt;/p&gt;&lt;p&gt;Exemples : {0}&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Accents et majuscules sont facultatifs : &lt;i&gt;teletravail&lt;/i&gt; trouve « télétravail ».&lt;/li&gt;&lt;li&gt;Une expression exacte entre guillemets : &lt;i&gt;&quot;cellule de crise&quot;&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Exclure un mot : &lt;i&gt;crise -sanitaire&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Vos étiquettes : &lt;i&gt;tag:ouverture&lt;/i&gt;, &lt;i&gt;tag:&quot;crise sanitaire&quot;&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;↑ ↓ parcourent les résultats, Entrée ouvre, Échap revient au sommaire ; dans le texte, F3 et Maj+F3 vont d&apos;un mot cherché à l&apos;autre.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Search the seven sessions&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lines of thought, field sites, resources and speakers: results appear as you type. The library is in French.&lt;/p&gt;&lt;p&gt;Examples: {0}&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Accents and capitals are optional: &lt;i&gt;teletravail&lt;/i&gt; finds “télétravail”.&lt;/li&gt;&lt;li&gt;An exact phrase in quotes: &lt;i&gt;&quot;cellule de crise&quot;&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Leave a word out: &lt;i&gt;crise -sanitaire&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;Your tags: &lt;i&gt;tag:ouverture&lt;/i&gt;, &lt;i&gt;tag:&quot;crise sanitaire&quot;&lt;/i&gt;.&lt;/li&gt;&lt;li&gt;↑ ↓ walk the results, Enter opens, Escape goes back to the contents; in the text, F3 and Shift+F3 go from one searched word to the next.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Filtrer par type</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <source>Filtrer par session</source>
        <translation>Filter by session</translation>
    </message>
    <message>
        <source>Résultats de la recherche</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>État de la recherche</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Suggestion d&apos;orthographe</source>
        <translation>Spelling suggestion</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Lien non reconnu : {0}</source>
        <translation>Link not recognised: {0}</translation>
    </message>
</context>
<context>
    <name>SpeakersModel</name>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Affiliation</source>
        <translation>Affiliation</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
</context>
<context>
    <name>SpeakersView</name>
    <message>
        <source>Intervenant·e·s : {0} personne</source>
        <translation>Speakers: {0} person</translation>
    </message>
    <message>
        <source>Intervenant·e·s : {0} personnes</source>
        <translation>Speakers: {0} people</translation>
    </message>
    <message>
        <source>Intervenant·e·s : {0} personne sur {1}</source>
        <translation>Speakers: {0} of {1} people</translation>
    </message>
    <message>
        <source>Intervenant·e·s : {0} personnes sur {1}</source>
        <translation>Speakers: {0} of {1} people</translation>
    </message>
    <message>
        <source>Voir dans la session : {0}</source>
        <translation>Show in session: {0}</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Index des intervenant·e·s&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Index of speakers&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Filtrer par nom, affiliation ou session (accents facultatifs)</source>
        <translation>Filter by name, affiliation or session (accents optional)</translation>
    </message>
    <message>
        <source>Filtrer les intervenant·e·s</source>
        <translation>Filter the speakers</translation>
    </message>
    <message>
        <source>Intervenant·e·s</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>Entrée ou double clic : voir la personne dans sa session.</source>
        <translation>Enter or double click: show the person in their session.</translation>
    </message>
</context>
<context>
    <name>StartupNotice</name>
    <message>
        <source>Annotations en lecture seule</source>
        <translation>Annotations read-only</translation>
    </message>
    <message>
        <source>Vos annotations</source>
        <translation>Your annotations</translation>
    </message>
    <message>
        <source>Annotations indisponibles</source>
        <translation>Annotations unavailable</translation>
    </message>
    <message>
        <source>Vous pouvez lire et chercher dans la bibliothèque ; les notes, favoris et dossiers reviendront quand le fichier pourra être ouvert (redémarrez Connecteur).</source>
        <translation>You can read and search the library; notes, favourites and folders will come back once the file can be opened (restart Connecteur).</translation>
    </message>
    <message>
        <source>{0}
(cliquez pour les détails)</source>
        <translation>{0}
(click for the details)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Ouverture de l&apos;index…</source>
        <translation>Opening the index…</translation>
    </message>
    <message>
        <source>Index en cours de reconstruction…</source>
        <translation>Rebuilding the index…</translation>
    </message>
    <message>
        <source>Recherche prête</source>
        <translation>Search ready</translation>
    </message>
    <message>
        <source>Recherche indisponible</source>
        <translation>Search unavailable</translation>
    </message>
    <message>
        <source>Index reconstruit : {0}.</source>
        <translation>Index rebuilt: {0}.</translation>
    </message>
    <message>
        <source>Élément affiché</source>
        <translation>Item shown</translation>
    </message>
    <message>
        <source>Progression de l&apos;indexation</source>
        <translation>Indexing progress</translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <source>1 élément</source>
        <translation>1 item</translation>
    </message>
    <message>
        <source>{0} éléments</source>
        <translation>{0} items</translation>
    </message>
    <message>
        <source>Aucune étiquette pour l&apos;instant.

Dans le panneau Notes, donnez une étiquette à un élément (« à relier au cas Mulhouse », « ouverture ») : chaque étiquette apparaît ici avec le nombre d&apos;éléments qui la portent, et un clic les retrouve tous.</source>
        <translation>No tags yet.

In the Notes panel, give an item a tag (“link to the Mulhouse case”, “opening”): each tag appears here with the number of items that carry it, and a click finds them all.</translation>
    </message>
    <message>
        <source>Renommer l&apos;étiquette</source>
        <translation>Rename the tag</translation>
    </message>
    <message>
        <source>Nouveau nom de l&apos;étiquette « {0} » :</source>
        <translation>New name for the tag “{0}”:</translation>
    </message>
    <message>
        <source>Fusionner l&apos;étiquette « {0} » dans :</source>
        <translation>Merge the tag “{0}” into:</translation>
    </message>
    <message>
        <source>Fusionner {0} étiquettes en une seule :</source>
        <translation>Merge {0} tags into one:</translation>
    </message>
    <message>
        <source>Fusionner des étiquettes</source>
        <translation>Merge tags</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Étiquette « {0} » renommée en « {1} » (Ctrl+Z pour annuler).</source>
        <translation>Tag “{0}” renamed “{1}” (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Étiquettes fusionnées dans « {0} » (Ctrl+Z pour annuler).</source>
        <translation>Tags merged into “{0}” (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>&amp;Chercher les éléments qui la portent</source>
        <translation>&amp;Search for the items that carry it</translation>
    </message>
    <message>
        <source>&amp;Renommer…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <source>&amp;Fusionner…</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <source>Un clic cherche les éléments qui portent l&apos;étiquette ; Ctrl+clic en choisit plusieurs à fusionner.</source>
        <translation>A click searches for the items that carry the tag; Ctrl+click picks several to merge.</translation>
    </message>
    <message>
        <source>Renommer…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Fusionner…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Étiquettes</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>Annulé : {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>Rétabli : {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>&amp;Annuler : {0}</source>
        <translation>&amp;Undo: {0}</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Rétablir : {0}</source>
        <translation>&amp;Redo: {0}</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
</context>
<context>
    <name>UndoLabels</name>
    <message>
        <source>ajouter une note</source>
        <translation>add a note</translation>
    </message>
    <message>
        <source>modifier la note</source>
        <translation>edit the note</translation>
    </message>
    <message>
        <source>rattacher la note</source>
        <translation>attach the note</translation>
    </message>
    <message>
        <source>supprimer la note</source>
        <translation>delete the note</translation>
    </message>
    <message>
        <source>surligner</source>
        <translation>highlight</translation>
    </message>
    <message>
        <source>changer la couleur du surlignage</source>
        <translation>change the highlight&apos;s colour</translation>
    </message>
    <message>
        <source>modifier la note du surlignage</source>
        <translation>edit the highlight&apos;s note</translation>
    </message>
    <message>
        <source>supprimer le surlignage</source>
        <translation>delete the highlight</translation>
    </message>
    <message>
        <source>ajouter aux favoris</source>
        <translation>add to favourites</translation>
    </message>
    <message>
        <source>retirer des favoris</source>
        <translation>remove from favourites</translation>
    </message>
    <message>
        <source>créer le dossier</source>
        <translation>create the folder</translation>
    </message>
    <message>
        <source>renommer le dossier</source>
        <translation>rename the folder</translation>
    </message>
    <message>
        <source>modifier le dossier</source>
        <translation>edit the folder</translation>
    </message>
    <message>
        <source>supprimer le dossier</source>
        <translation>delete the folder</translation>
    </message>
    <message>
        <source>ajouter au dossier</source>
        <translation>add to the folder</translation>
    </message>
    <message>
        <source>retirer du dossier</source>
        <translation>remove from the folder</translation>
    </message>
    <message>
        <source>réordonner le dossier</source>
        <translation>reorder the folder</translation>
    </message>
    <message>
        <source>modifier la note du dossier</source>
        <translation>edit the folder note</translation>
    </message>
    <message>
        <source>importer des annotations</source>
        <translation>import annotations</translation>
    </message>
    <message>
        <source>ajouter l&apos;étiquette « {0} »</source>
        <translation>add the tag “{0}”</translation>
    </message>
    <message>
        <source>retirer l&apos;étiquette « {0} »</source>
        <translation>remove the tag “{0}”</translation>
    </message>
    <message>
        <source>renommer l&apos;étiquette « {0} »</source>
        <translation>rename the tag “{0}”</translation>
    </message>
    <message>
        <source>fusionner {0} dans « {1} »</source>
        <translation>merge {0} into “{1}”</translation>
    </message>
    <message>
        <source>ajouter {0} éléments au dossier</source>
        <translation>add {0} items to the folder</translation>
    </message>
    <message>
        <source>retirer {0} éléments du dossier</source>
        <translation>remove {0} items from the folder</translation>
    </message>
</context>
<context>
    <name>UserLayer</name>
    <message>
        <source>Vos annotations sont indisponibles : {0}</source>
        <translation>Your annotations are unavailable: {0}</translation>
    </message>
    <message>
        <source>Vos annotations sont en cours d&apos;ouverture…</source>
        <translation>Your annotations are being opened…</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>{0} et {1}</source>
        <translation>{0} and {1}</translation>
    </message>
    <message>
        <source>Chercher</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Mettre en favori</source>
        <translation>Star</translation>
    </message>
    <message>
        <source>l&apos;élément choisi dans le texte, depuis le panneau latéral.</source>
        <translation>the item chosen in the text, from the side panel.</translation>
    </message>
    <message>
        <source>Annoter</source>
        <translation>Annotate</translation>
    </message>
    <message>
        <source>Préparer une formation</source>
        <translation>Prepare a course</translation>
    </message>
    <message>
        <source>rassemblez pistes, terrains et ressources dans des dossiers de cours.</source>
        <translation>gather lines of thought, field sites and resources into course folders.</translation>
    </message>
    <message>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;lead&apos;&gt;Connecteur vous donne, &lt;b&gt;hors ligne&lt;/b&gt;, toute la matière du &lt;b&gt;Connecteur Recherche 2020&lt;/b&gt;&amp;nbsp;: {0} journées d&apos;échanges ({1}), {2} sessions, {3} pistes de réflexion, {4} terrains, {5} ressources et {6} intervenant·e·s. Une compilation publiée par le &lt;b&gt;CNFPT&lt;/b&gt; et la &lt;b&gt;Fing&lt;/b&gt; avec la &lt;b&gt;Riposte créative territoriale&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;lead&apos;&gt;Connecteur gives you, &lt;b&gt;offline&lt;/b&gt;, the whole of the &lt;b&gt;Connecteur Recherche 2020&lt;/b&gt;: {0} days of exchanges ({1}), {2} sessions, {3} lines of thought, {4} field sites, {5} resources and {6} speakers. A compilation published by the &lt;b&gt;CNFPT&lt;/b&gt; and the &lt;b&gt;Fing&lt;/b&gt; with the &lt;b&gt;Riposte créative territoriale&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>dans tout le corpus. Les accents sont facultatifs (&lt;i&gt;teletravail&lt;/i&gt; trouve «&amp;nbsp;télétravail&amp;nbsp;»)&amp;nbsp;; des guillemets cherchent une expression exacte (&lt;i&gt;&quot;gestion de crise&quot;&lt;/i&gt;)&amp;nbsp;; &lt;i&gt;type:piste&lt;/i&gt; ne garde que les pistes de réflexion.</source>
        <translation>the whole corpus. Accents are optional (&lt;i&gt;teletravail&lt;/i&gt; finds “télétravail”); quotation marks search for an exact phrase (&lt;i&gt;&quot;gestion de crise&quot;&lt;/i&gt;); &lt;i&gt;type:piste&lt;/i&gt; (or &lt;i&gt;type:lead&lt;/i&gt;) keeps only the lines of thought.</translation>
    </message>
    <message>
        <source>l&apos;élément choisi dans le texte&amp;nbsp;; vos favoris se retrouvent dans le panneau latéral.</source>
        <translation>the item chosen in the text; your favourites are gathered in the side panel.</translation>
    </message>
    <message>
        <source>le panneau latéral accueille vos notes sur l&apos;élément choisi&amp;nbsp;; pour surligner un passage, sélectionnez-le puis clic droit › Surligner.</source>
        <translation>the side panel holds your notes on the chosen item; to highlight a passage, select it, then right-click › Highlight.</translation>
    </message>
    <message>
        <source>un support en PDF&amp;nbsp;: pour les participant·e·s (sans vos notes) ou pour vous (avec).</source>
        <translation>a PDF handout: for the participants (without your notes) or for yourself (with them).</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;Vos notes, favoris et dossiers restent sur cet ordinateur&amp;nbsp;: Connecteur n&apos;utilise jamais le réseau. Cette page reste accessible par Aide › Bienvenue.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;Your notes, favourites and folders stay on this computer: Connecteur never uses the network. This page remains available from Help › Welcome.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Bienvenue dans Connecteur</source>
        <translation>Welcome to Connecteur</translation>
    </message>
    <message>
        <source>La bibliothèque du Connecteur Recherche 2020 pour préparer vos formations.</source>
        <translation>The Connecteur Recherche 2020 library, to prepare your courses.</translation>
    </message>
    <message>
        <source>Présentation de Connecteur</source>
        <translation>Introduction to Connecteur</translation>
    </message>
    <message>
        <source>Ne plus afficher au démarrage</source>
        <translation>Do not show at start-up again</translation>
    </message>
    <message>
        <source>&amp;Commencer</source>
        <translation>&amp;Start</translation>
    </message>
</context>
</TS>
