"""/channel and a post forwarded from a channel (in a private chat): answered by
bot.services.channels.linking, which learns from Telegram here (getChat, getChatMember) whether
the bot may post and edit there.

Registered before the public handlers: their catch-all would otherwise take the forwarded post
as a question. A forwarded post from someone who is not an admin is still answered as one.
"""

from __future__ import annotations

from telegram import ChatMemberAdministrator, Message, MessageOriginChannel, Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import Application, CommandHandler, ContextTypes, ExtBot, MessageHandler, filters

from bot.handlers.context import inquiry_from, runtime_of
from bot.handlers.delivery import send_reply
from bot.services.channels.linking import ChannelFacts, Probe, run_channel
from bot.services.router import respond


class _FromChannel(filters.MessageFilter):
    """A message forwarded from a channel."""

    def filter(self, message: Message) -> bool:
        return isinstance(message.forward_origin, MessageOriginChannel)


def register(app: Application) -> None:
    app.add_handler(CommandHandler("channel", on_channel))
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & _FromChannel(), on_forwarded_post))


async def on_channel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not message.text:
        return
    inquiry = inquiry_from(update, message.text, context.bot.id)
    reply = await run_channel(runtime_of(context), inquiry, probe(context.bot))
    if reply is not None:
        await send_reply(context.bot, message.chat_id, reply)


async def on_forwarded_post(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or not isinstance(message.forward_origin, MessageOriginChannel):
        return
    runtime = runtime_of(context)
    channel = message.forward_origin.chat.id
    inquiry = inquiry_from(update, "/channel", context.bot.id)
    reply = await run_channel(runtime, inquiry, probe(context.bot), forwarded_from=channel)
    if reply is None:
        text = message.text or message.caption or ""
        if not text:
            return
        reply = await respond(runtime, inquiry_from(update, text, context.bot.id))
    await send_reply(context.bot, message.chat_id, reply)


def probe(bot: ExtBot[None]) -> Probe:
    async def facts(reference: str | int) -> ChannelFacts | None:
        try:
            chat = await bot.get_chat(reference)
            member = await bot.get_chat_member(chat.id, bot.id)
        except (BadRequest, Forbidden):
            return None
        admin = member if isinstance(member, ChatMemberAdministrator) else None
        return ChannelFacts(
            chat_id=chat.id,
            kind=chat.type,
            title=chat.title or chat.username or str(chat.id),
            username=chat.username,
            is_admin=admin is not None,
            can_post=bool(admin and admin.can_post_messages),
            can_edit=bool(admin and admin.can_edit_messages),
        )

    return facts
