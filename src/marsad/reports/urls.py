from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("settings/<str:code>/", views.settings_page, name="settings"),
    path("translate/<str:kind>/<int:pk>/", views.translate, name="translate"),
    path("cause/<int:pk>/", views.set_cause, name="cause"),
    path("<str:code>/<str:period>/conclusions/", views.add_conclusion, name="conclusion-add"),
    path("<str:code>/<str:period>/", views.page, name="page"),
    path("<str:code>/<str:period>/report.<str:fmt>", views.download, name="download"),
]
