from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import Conclusion, ReportSettings


@admin.register(ReportSettings)
class ReportSettingsAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("area", "issuing_body_vi", "symbol", "signer_name", "updated_at")
    search_fields = ("area__code", "area__name_en", "area__name_vi", "issuing_body_vi")


@admin.register(Conclusion)
class ConclusionAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("area", "period", "language", "text")
    list_filter = ("language",)
    search_fields = ("text", "text_ar", "text_vi", "text_en")
