from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/<str:period>/", views.page, name="page"),
    path("<str:code>/<str:period>/report.<str:fmt>", views.download, name="download"),
]
