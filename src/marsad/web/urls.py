"""Root URLconf: the pages of each domain app, the API and the fonts."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import fonts, views
from .api import api

web_patterns = (
    [
        path("", views.home, name="home"),
        path("dashboard/", views.dashboard, name="dashboard"),
        path("explorer/", views.explorer, name="explorer"),
        path("explorer/download.<str:fmt>", views.explorer_download, name="explorer-download"),
        path("changes/", views.changes, name="changes"),
        path("changes/observation/<int:pk>/", views.observation_changes, name="observation-changes"),
        path("fonts/marsad-fonts.css", fonts.fonts_css, name="fonts-css"),
        path("fonts/<str:name>", fonts.font_file, name="font"),
    ],
    "web",
)

urlpatterns = [
    path("", include(web_patterns)),
    path("accounts/", include("marsad.accounts.urls")),
    path("observations/", include("marsad.observations.urls")),
    path("documents/", include("marsad.documents.urls")),
    path("jobs/", include("marsad.jobs.urls")),
    # The admin signs in through the app's own (throttled) sign-in page.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += [
    path("directives/", include("marsad.directives.urls")),
    path("targets/", include("marsad.targets.urls")),
    path("reports/", include("marsad.reports.urls")),
    path("api/", api.urls),
]
