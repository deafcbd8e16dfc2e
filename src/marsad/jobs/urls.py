from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
]
