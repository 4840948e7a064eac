"""Course folders: their model, panel, dialog and the "Ajouter au dossier" menus."""
