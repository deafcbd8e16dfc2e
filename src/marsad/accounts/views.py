"""Sign in, sign out and the user's own preferences (language, digits)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from .forms import PreferencesForm
from .models import Profile, Role
from .scopes import capturable_areas, is_admin, viewable_areas


def _apply_language(response, lang: str):
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, lang, max_age=365 * 86400, samesite="Lax")
    return response


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
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
    if request.method == "POST":
        form = PreferencesForm(request.POST, instance=prof)
        if form.is_valid():
            form.save()
            translation.activate(prof.language)
            messages.success(request, _("Your preferences were saved."))
            return _apply_language(redirect("accounts:profile"), prof.language)
    else:
        form = PreferencesForm(instance=prof)
    everything = is_admin(request.user)
    context = {
        "form": form,
        "profile": prof,
        "everything": everything,
        "capture": [] if everything else list(prof.capture_areas.all()),
        "view": [] if everything else list(prof.view_areas.all()),
        "capture_count": capturable_areas(request.user).count(),
        "view_count": viewable_areas(request.user).count(),
    }
    return render(request, "accounts/profile.html", context)
