"""Approving and unlocking an area x period; both leave a change record."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from marsad.audit.changes import record_changes
from marsad.audit.models import ChangeRecord

from .models import Approval


def approve(user, area, period: str, note: str = "") -> Approval:
    """Lock ``area`` x ``period``; approving an approved period returns the approval in force."""
    with transaction.atomic():
        current = Approval.objects.filter(area=area, period=period, unlocked_at__isnull=True).first()
        if current is not None:
            return current
        try:
            with transaction.atomic():
                approval = Approval.objects.create(
                    area=area, period=period, approved_by=user, approved_at=timezone.now(), note=note[:300]
                )
        except IntegrityError:  # approved at the same moment by another approver
            return Approval.objects.get(area=area, period=period, unlocked_at__isnull=True)
        record_changes(
            [
                (
                    approval,
                    ChangeRecord.Action.CREATE,
                    None,
                    {"area": area.code, "period": period, "note": note},
                )
            ],
            user=user,
            source="approval",
        )
    return approval


def unlock(user, area, period: str) -> Approval | None:
    with transaction.atomic():
        approval = (
            Approval.objects.select_for_update()
            .filter(area=area, period=period, unlocked_at__isnull=True)
            .first()
        )
        if approval is None:
            return None
        approval.unlocked_by, approval.unlocked_at = user, timezone.now()
        approval.save(update_fields=["unlocked_by", "unlocked_at"])
        record_changes(
            [
                (
                    approval,
                    ChangeRecord.Action.UPDATE,
                    {"area": area.code, "period": period, "locked": True},
                    {"area": area.code, "period": period, "locked": False},
                )
            ],
            user=user,
            source="unlock",
        )
    return approval
