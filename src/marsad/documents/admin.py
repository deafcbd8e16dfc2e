from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import Document, Proposal


class ProposalInline(InReadersWords, admin.TabularInline):
    model = Proposal
    extra = 0
    fields = (
        "kind",
        "indicator",
        "area_code",
        "period",
        "measure",
        "value",
        "unit",
        "qualifier",
        "evidence",
        "decision",
    )
    readonly_fields = ("evidence",)


@admin.register(Document)
class DocumentAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("title", "kind", "language", "area", "period", "date", "created_at")
    list_filter = ("kind", "language")
    search_fields = ("title", "number", "text")
    raw_id_fields = ("area",)
    inlines = [ProposalInline]


@admin.register(Proposal)
class ProposalAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("document", "kind", "indicator", "period", "measure", "value", "decision")
    list_filter = ("kind", "decision")
