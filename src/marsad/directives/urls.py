from django.urls import path

from . import views

app_name = "directives"

urlpatterns = [
    path("", views.board, name="board"),
    path("summary/", views.summary_page, name="summary-page"),
    path("summary.json", views.summary_json, name="summary"),
    path("new/", views.directive_new, name="new"),
    path("<int:pk>/", views.directive_detail, name="detail"),
    path("<int:pk>/delegate/", views.delegate, name="delegate"),
    path("<int:pk>/cooperating/", views.add_cooperating, name="add-cooperating"),
    path("<int:pk>/lead/", views.set_lead, name="set-lead"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("assignments/<int:pk>/evidence/<int:report_id>/", views.evidence, name="evidence"),
    path("documents/<int:document_id>/load/", views.load_document, name="load-document"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/<int:pk>/answer/", views.answer, name="answer"),
]
