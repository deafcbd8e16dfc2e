from django.urls import path

from . import views

app_name = "targets"

urlpatterns = [
    path("", views.target_list, name="list"),
    path("new/", views.target_new, name="new"),
    path("overview/", views.target_overview_page, name="overview"),
    path("<int:pk>/", views.target_edit, name="edit"),
    path("<int:pk>/retire/", views.target_retire, name="retire"),
    path("<int:pk>/scenarios/", views.scenario_set, name="scenario"),
    path("<int:pk>/scenarios/<int:scenario_id>/remove/", views.scenario_remove, name="scenario-remove"),
]
