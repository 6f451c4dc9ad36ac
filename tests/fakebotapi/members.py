"""getChatMember: who administers which group, as a test declares it (api.make_admin)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.fakebotapi.store import ApiCall, Json

if TYPE_CHECKING:
    from tests.fakebotapi.state import BotApiState


async def get_chat_member(state: BotApiState, call: ApiCall) -> Json:
    chat = state.chats.chat(call.params.get("chat_id", ""))
    user_id = int(call.params.get("user_id", 0))
    status = "administrator" if user_id in state.chat_admins.get(chat["id"], set()) else "member"
    user = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
    if status == "member":
        return {"status": status, "user": user}
    return {"status": status, "user": user, **ADMIN_RIGHTS}


# The fields an administrator's ChatMember carries (PTB requires them).
ADMIN_RIGHTS: Json = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
}
