"""What any Pelican reader of Jekyll files needs: front matter, Liquid tags, bounds, errors.

Nothing here knows a particular site: a site's own policy (its layouts, the settings its
pages may print, its wording) is given by the plugin that uses these pieces.
"""
