"""getChatMember: who administers which group, as a test declares it (api.make_admin), and what
the bot may do in a channel (api.add_channel): an administrator with `can_post_messages` and
`can_edit_messages` as declared, or a plain member ("left" in a channel) without them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.fakebotapi.store import ApiCall, Json

if TYPE_CHECKING:
    from tests.fakebotapi.state import BotApiState


async def get_chat_member(state: BotApiState, call: ApiCall) -> Json:
    chat = state.chats.chat(call.params.get("chat_id", ""))
    user_id = int(call.params.get("user_id", 0))
    if user_id == state.bot["id"] and chat["id"] in state.channel_rights:
        return _bot_in_channel(state, chat["id"])
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


def _bot_in_channel(state: BotApiState, chat_id: int) -> Json:
    rights = state.channel_rights[chat_id]
    bot = {key: state.bot[key] for key in ("id", "is_bot", "first_name", "username")}
    if rights is None:
        return {"status": "left", "user": bot}
    return {"status": "administrator", "user": bot, **ADMIN_RIGHTS, **rights}
