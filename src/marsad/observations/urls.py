from django.urls import path

from . import views

app_name = "observations"

urlpatterns = []
urlpatterns += [
    path("entry/", views.entry, name="entry"),
    path("import/", views.import_page, name="import"),
    path("quality/", views.quality, name="quality"),
]
