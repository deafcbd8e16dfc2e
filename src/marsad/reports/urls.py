from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("settings/<str:code>/", views.settings_page, name="settings"),
    path("translate/<str:kind>/<int:pk>/", views.translate, name="translate"),
    path("<str:code>/<str:period>/", views.page, name="page"),
    path("<str:code>/<str:period>/report.<str:fmt>", views.download, name="download"),
]
