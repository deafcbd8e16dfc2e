from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import (
    Assignment,
    Difficulty,
    Directive,
    Inspection,
    Organisation,
    ProgressReport,
    Recommendation,
    StatusChange,
)


@admin.register(Organisation)
class OrganisationAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("code", "name_en", "name_vi", "kind", "area")
    list_filter = ("kind",)
    search_fields = ("code", "name_en", "name_vi", "name_ar")
    raw_id_fields = ("area",)


class AssignmentInline(InReadersWords, admin.TabularInline):
    model = Assignment
    extra = 0
    raw_id_fields = ("organisation",)
    fields = (
        "organisation",
        "role",
        "task",
        "deadline",
        "percent_done",
        "completed_on",
        "status",
        "revision",
    )
    readonly_fields = ("status", "percent_done", "completed_on", "revision")


@admin.register(Directive)
class DirectiveAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("__str__", "period", "deadline", "lead_unit", "delegated", "closed_on")
    list_filter = ("period", "delegated")
    search_fields = ("text", "text_en", "text_vi", "text_ar", "number")
    raw_id_fields = ("document", "proposal", "parent", "area", "issuer", "lead_unit", "indicator", "target")
    inlines = [AssignmentInline]


class ProgressInline(InReadersWords, admin.TabularInline):
    model = ProgressReport
    extra = 0


class StatusChangeInline(InReadersWords, admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ("previous", "status", "on", "reason", "at")


@admin.register(Assignment)
class AssignmentAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("directive", "organisation", "deadline", "percent_done", "completed_on", "status")
    list_filter = ("status", "role")
    raw_id_fields = ("directive", "organisation", "supervisor")
    inlines = [ProgressInline, StatusChangeInline]


@admin.register(Inspection)
class InspectionAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("assignment", "date", "result", "inspector")
    raw_id_fields = ("assignment", "inspector")


@admin.register(Recommendation)
class RecommendationAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("topic", "area", "date")
    search_fields = ("topic", "text")
    raw_id_fields = ("area", "organisation", "document")


@admin.register(Difficulty)
class DifficultyAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("__str__", "area", "period")
    raw_id_fields = ("area", "document")
