"""Sign in, sign out and the user's own preferences (language, digits)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from marsad.audit.changes import record_changes

from . import throttle, tokens
from .forms import PreferencesForm, TokenForm
from .models import Profile, Role
from .scopes import capturable_areas, is_admin, viewable_areas


def _apply_language(response, lang: str):
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, max_age=365 * 86400, samesite="Lax")
    return response


class SignInView(auth_views.LoginView):
    """Sign in, throttled per account and per address (marsad.accounts.throttle)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        wait = throttle.locked_for(username, throttle.address_of(request))
        if wait:
            throttle.record(username, throttle.address_of(request), succeeded=False)
            form = self.get_form()
            form.errors.clear()
            context = self.get_context_data(form=form, lockout=throttle.lockout_message(wait))
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.record(
            self.request.POST.get("username", ""), throttle.address_of(self.request), succeeded=False
        )
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.record(form.get_user().get_username(), throttle.address_of(self.request), succeeded=True)
        response = super().form_valid(form)
        profile = getattr(form.get_user(), "profile", None)
        # The profile's language wins only when the visitor has not picked one on this machine.
        if profile and profile.language and settings.LANGUAGE_COOKIE_NAME not in self.request.COOKIES:
            _apply_language(response, profile.language)
        return response


class SignOutView(auth_views.LogoutView):
    pass


@login_required
def profile(request):
    prof, _created = Profile.objects.get_or_create(
        user=request.user, defaults={"role": Role.ADMINISTRATOR if request.user.is_superuser else Role.VIEWER}
    )
    token_form = TokenForm()
    new_key = None
    form = PreferencesForm(instance=prof)
    if request.method == "POST" and request.POST.get("action") == "create-token":
        token_form = TokenForm(request.POST)
        if token_form.is_valid():
            data = token_form.cleaned_data
            new_key = tokens.create_token(
                request.user, data["name"], days=int(data["days"]) or None, read_only=data["read_only"]
            )
            token_form = TokenForm()
    elif request.method == "POST":
        form = PreferencesForm(request.POST, instance=prof)
        if form.is_valid():
            before = Profile.objects.get(pk=prof.pk).audit_state()
            form.save()
            after = prof.audit_state()
            if before != after:
                record_changes([(prof, "update", before, after)], user=request.user, source="preferences")
            translation.activate(prof.language)
            messages.success(request, _("Your preferences were saved."))
            return _apply_language(redirect("accounts:profile"), prof.language)
    everything = is_admin(request.user)
    context = {
        "form": form,
        "profile": prof,
        "everything": everything,
        "capture": [] if everything else list(prof.capture_areas.all()),
        "view": [] if everything else list(prof.view_areas.all()),
        "capture_count": capturable_areas(request.user).count(),
        "view_count": viewable_areas(request.user).count(),
        "tokens": request.user.api_tokens.order_by("-created"),
        "token_form": token_form,
        "new_key": new_key,
    }
    return render(request, "accounts/profile.html", context, status=422 if token_form.errors else 200)


@login_required
def revoke_token(request, pk: int):
    """Revoke one of the user's own API tokens (an administrator revokes others' in the admin)."""
    if request.method != "POST":
        return redirect("accounts:profile")
    token = get_object_or_404(tokens.ApiToken, pk=pk, user=request.user)
    tokens.revoke(token, request.user)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:profile")
