"""The server-rendered web UI (Jinja2 templates, a stylesheet, a little optional JavaScript).

`bleedcheck.web.routes.mount_web(app, settings, repository, diaries)` adds the pages to the app made
by `bleedcheck.api.app.create_app`.
"""
