from django.urls import path

from . import views

app_name = "observations"

urlpatterns = []
urlpatterns += [
    path("entry/", views.entry, name="entry"),
    path("import/", views.import_page, name="import"),
    path("quality/", views.quality, name="quality"),
    path("template.xlsx", views.template_download, name="template"),
    path("sdmx/data.csv", views.sdmx_data, name="sdmx-data"),
    path("sdmx/structure.xml", views.sdmx_structure, name="sdmx-structure"),
]
