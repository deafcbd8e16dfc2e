"""The admin of accounts: profiles (role, unit, scopes), users and API tokens. Every change of
a role, a scope or an account is written to the change log with who made it."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from marsad.audit.changes import record_changes
from marsad.web.admin import InReadersWords

from .models import Profile, user_audit_state


class AuditedAdmin(InReadersWords, admin.ModelAdmin):
    """Keeps the object's ``state(obj)`` before the change and logs the difference after the
    many-to-many fields (scopes, groups) are saved too."""

    source = "admin"

    def state(self, obj) -> dict:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        old = type(obj)._base_manager.filter(pk=obj.pk).first() if obj.pk else None
        obj._audit_before = self.state(old) if old is not None else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        before, after = getattr(obj, "_audit_before", None), self.state(obj)
        if before != after:
            record_changes(
                [(obj, "update" if before else "create", before, after)],
                user=request.user,
                source=self.source,
            )

    def delete_model(self, request, obj):
        record_changes([(obj, "delete", self.state(obj), None)], user=request.user, source=self.source)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        record_changes(
            [(o, "delete", self.state(o), None) for o in queryset], user=request.user, source=self.source
        )
        super().delete_queryset(request, queryset)


@admin.register(Profile)
class ProfileAdmin(AuditedAdmin):
    list_display = ("user", "role", "organisation", "language")
    list_filter = ("role",)
    filter_horizontal = ("capture_areas", "view_areas")
    raw_id_fields = ("organisation",)

    def state(self, obj) -> dict:
        return obj.audit_state()


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    def state(self, obj) -> dict:
        return user_audit_state(obj)


if admin.site.is_registered(Group):
    admin.site.unregister(Group)


@admin.register(Group)
class GroupInReadersWords(InReadersWords, GroupAdmin):
    """Django's group admin, with its permissions in the reader's words."""


from .throttle import LoginAttempt  # noqa: E402
from .tokens import ApiToken, ApiTokenAdmin  # noqa: E402

admin.site.register(ApiToken, ApiTokenAdmin)


@admin.register(LoginAttempt)
class LoginAttemptAdmin(InReadersWords, admin.ModelAdmin):
    list_display = ("at", "username", "address", "succeeded")
    list_filter = ("succeeded",)
    search_fields = ("username", "address")
    readonly_fields = ("at", "username", "address", "succeeded")

    def has_add_permission(self, request):
        return False
