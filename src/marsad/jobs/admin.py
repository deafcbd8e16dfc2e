from django.contrib import admin

from marsad.web.admin import InReadersWords

from .models import Job


@admin.register(Job)
class JobAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("id", "kind", "owner", "status", "progress", "total", "created_at", "finished_at")
    list_filter = ("status", "kind")
    readonly_fields = [f.name for f in Job._meta.fields]
