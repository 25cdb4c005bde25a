"""Program ideas proposed to Wrenfield's programming team, and comments patrons left, FY2024-FY2025."""
from __future__ import annotations

import numpy as np
import pandas as pd

from autograder.world.common import (WORLD_END, WORLD_START, date_text, is_closed, make_ids, messy_branch_names,
                                     random_dates, round_cents, tidy_sessions, weighted_choice)
from autograder.world.programs import FERNVALE_WEEKDAYS, PARTNER_TYPES

# ==== program_ideas ===================================================================================
IDEA_COUNT = 150  # contract: ~150
# Fresh ideas nobody has run yet: (title, category, audience, estimated cost $, staff hours,
# needs registration, novelty 1-5 as the team sees it, description). Costs and hours are planning
# guesses (assumptions), in line with the performer fees of $200-$400 a show (FACTS.md, Financial).
FRESH_IDEAS = [
    ("Dad & Me Saturday Storytime", "storytime", "preschool", 60, 20, False, 2,
     "A Saturday morning storytime led by dads and grandpas, with songs and a simple craft. Several fathers "
     "asked for a time that fits a weekday work schedule."),
    ("Storytime in Sign Language", "storytime", "preschool", 450, 24, True, 4,
     "Stories, songs and rhymes with an ASL interpreter, teaching a few signs each week. Open to deaf and "
     "hearing families alike."),
    ("Drive-In Storytime", "storytime", "preschool", 300, 30, False, 4,
     "Families park in the library lot, tune to a low-power FM station and watch the stories on an outdoor screen."),
    ("Grandparents & Grandkids Storytime", "storytime", "preschool", 40, 16, False, 2,
     "A mid-morning storytime for grandparents who care for little ones, with coffee and conversation afterwards."),
    ("Storytime at the Bus Depot", "storytime", "preschool", 80, 20, False, 4,
     "Short pop-up stories at the transit center during the morning rush, with free books to take on the bus."),
    ("Yoga Storytime", "storytime", "preschool", 120, 18, True, 3,
     "Picture books paired with simple stretches and animal poses for wiggly preschoolers."),
    ("Mandarin-English Storytime", "storytime", "preschool", 200, 28, True, 3,
     "A bilingual storytime with a volunteer from the weekend Chinese school. Families asked for it at the "
     "Lunar New Year celebration."),
    ("Storytime for Expecting Parents", "storytime", "babies & toddlers", 150, 20, True, 4,
     "A short series on reading, singing and talking with newborns, co-led with a hospital childbirth educator."),
    ("Baby Sign & Song", "storytime", "babies & toddlers", 100, 18, True, 3,
     "Simple baby signs woven into bounces and songs for babies under 18 months."),
    ("Silent Book Club", "books & authors", "adults", 20, 6, False, 2,
     "Bring any book and read quietly together for an hour, then chat if you like. No assigned reading."),
    ("Romance Readers' Happy Hour", "books & authors", "adults", 150, 12, True, 3,
     "A monthly romance book club at a local cafe, with mocktails and recommendations swapped."),
    ("Cookbook Club", "books & authors", "adults", 60, 10, True, 3,
     "Everyone cooks a dish from the same cookbook and brings it to share; we talk about what worked."),
    ("Little Free Library Build & Stock Day", "books & authors", "all ages", 900, 30, True, 4,
     "Volunteers build three little free libraries for parks in Oak Ridge and Fernvale, and families stock "
     "them with donated books."),
    ("Teen Book Awards Jury", "books & authors", "teens", 250, 30, True, 4,
     "Teens read new young adult titles through the year and vote for a Wrenfield Teen Choice Award."),
    ("Banned Books Trivia Night", "books & authors", "adults", 120, 14, False, 3,
     "A pub-style trivia night on challenged books during Banned Books Week, held at a local brewery."),
    ("Read Across Wrenfield", "books & authors", "adults", 4500, 120, False, 4,
     "One book for the whole county: copies at every branch, discussions all winter and an author visit in spring."),
    ("Audiobook Listening Club", "books & authors", "older adults", 40, 10, False, 3,
     "A book club for people who prefer to listen, with audio and large-print copies provided."),
    ("Book Bike at the Farmers Market", "books & authors", "all ages", 2200, 40, False, 5,
     "A cargo bike that carries books, library card sign-ups and a Wi-Fi hotspot to markets and parks all summer."),
    ("Local Authors Fair", "books & authors", "adults", 300, 35, False, 2,
     "Wrenfield writers sell and sign their books, with short readings through the afternoon."),
    ("Girls Who Code Club", "STEAM", "children", 200, 40, True, 3,
     "A weekly coding club for girls in grades 3-5 using a free coding curriculum."),
    ("Drone Flying Basics", "STEAM", "teens", 1800, 24, True, 4,
     "Teens learn to fly small indoor drones and program simple flight paths."),
    ("Backyard Bird Count", "STEAM", "all ages", 150, 12, False, 3,
     "Families learn to identify local birds and join a community bird count, with binoculars to borrow."),
    ("Makerspace Open Hours", "STEAM", "teens", 3500, 100, False, 3,
     "Drop-in time with a 3D printer, vinyl cutter and sewing machine, with a staff member on hand."),
    ("Family Science Night", "STEAM", "all ages", 400, 30, False, 2,
     "Hands-on science stations run by high school students, from circuits to chromatography."),
    ("Solar Eclipse Viewing Party", "STEAM", "all ages", 350, 16, False, 4,
     "Safe eclipse glasses and a solar-filtered telescope on the lawn, with the astronomy club."),
    ("Telescope Lending Kickoff", "STEAM", "all ages", 1200, 20, False, 4,
     "Launch a telescope lending collection with an evening of stargazing and a how-to demonstration."),
    ("Engineering with Cardboard", "STEAM", "children", 80, 10, True, 2,
     "Kids design marble runs and arcade games from recycled boxes."),
    ("Electric Car Show & Tell", "STEAM", "adults", 50, 12, False, 3,
     "Local owners show their electric cars in the parking lot and answer questions about charging and range."),
    ("Teen Video Game Design", "STEAM", "teens", 250, 30, True, 3,
     "A four-week workshop building simple games in a free game engine, ending with a play day."),
    ("Ham Radio Demonstration", "STEAM", "adults", 0, 8, False, 4,
     "The county amateur radio club sets up a station and lets visitors talk to operators around the world."),
    ("Repair Cafe", "DIY & crafts", "adults", 250, 28, False, 3,
     "Volunteer fixers mend lamps, toasters, clothes and bikes for free, and show owners how to do it."),
    ("Sock Puppet Theater", "DIY & crafts", "children", 60, 8, True, 2,
     "Kids make sock puppets and put on a short show for their families."),
    ("Cricut Crafting Night", "DIY & crafts", "adults", 300, 12, True, 3,
     "Learn the library's new cutting machine by making a vinyl decal or a greeting card."),
    ("Embroidery Drop-In", "DIY & crafts", "adults", 120, 10, False, 2,
     "Hoops, floss and simple patterns for beginners; bring your own project or start one here."),
    ("Wreath Making Workshop", "DIY & crafts", "adults", 500, 12, True, 2,
     "Make a seasonal wreath with greenery from a Fernvale farm; all supplies provided."),
    ("Zine Workshop", "DIY & crafts", "teens", 60, 12, False, 4,
     "Teens write, draw and photocopy their own mini-magazines, and the best join a zine collection."),
    ("Tie-Dye on the Lawn", "DIY & crafts", "children", 220, 10, True, 2,
     "Bring a white shirt and dye it outside during summer reading."),
    ("Pressed Flower Bookmarks", "DIY & crafts", "all ages", 70, 6, False, 2,
     "Make bookmarks from flowers grown in the library garden."),
    ("Sewing Machine Basics", "DIY & crafts", "adults", 150, 16, True, 3,
     "A two-part class on threading, straight seams and a simple pillowcase."),
    ("Cosplay Workshop", "DIY & crafts", "teens", 200, 14, True, 4,
     "Foam armor and prop making for teens getting ready for the regional comic convention."),
    ("Free Tax Help (VITA) Sessions", "classes & workshops", "adults", 0, 20, True, 2,
     "IRS-certified volunteers prepare returns for low- and moderate-income households, by appointment."),
    ("Driver's Permit Practice Tests", "classes & workshops", "teens", 40, 6, False, 3,
     "Study sessions and practice tests for the state learner's permit exam."),
    ("College Financial Aid Night", "classes & workshops", "teens", 50, 8, False, 2,
     "A college financial aid officer walks families through the FAFSA, line by line."),
    ("Home Energy Savings Workshop", "classes & workshops", "adults", 100, 8, False, 3,
     "The utility's energy advisor explains rebates, and the library starts lending home energy audit kits."),
    ("Resume Review Speed Sessions", "classes & workshops", "adults", 0, 12, True, 3,
     "Fifteen-minute resume reviews with HR volunteers from local employers."),
    ("Apiary Field Trip", "classes & workshops", "adults", 150, 12, True, 4,
     "A visit to a working apiary in Fernvale with the county beekeepers' association."),
    ("Emergency Preparedness Kits", "classes & workshops", "adults", 600, 10, True, 3,
     "Learn what goes in a go-bag and take one home, with the county emergency management office."),
    ("Kitchen Knife Care", "classes & workshops", "adults", 80, 6, True, 3,
     "A local chef shows how to sharpen and look after kitchen knives."),
    ("Mushroom Foraging Safety", "classes & workshops", "adults", 150, 6, True, 4,
     "How to identify common local mushrooms, and which ones never to eat, with a walk in the park."),
    ("Retirement Planning 101", "classes & workshops", "older adults", 0, 6, False, 2,
     "A no-sales talk on Social Security timing, pensions and budgeting in retirement."),
    ("Community Mural Project", "arts & culture", "all ages", 3800, 80, False, 4,
     "Residents design and paint a mural on the Eastgate branch wall with a local artist."),
    ("Poetry on the Sidewalk", "arts & culture", "all ages", 60, 6, False, 4,
     "Chalk poems on the library plaza during National Poetry Month."),
    ("Film Series: Stories of Immigration", "arts & culture", "adults", 400, 20, False, 3,
     "A monthly documentary screening with a discussion led by a community partner."),
    ("Teen Photography Exhibit", "arts & culture", "teens", 250, 24, False, 3,
     "Teens photograph their neighbourhoods and the library hangs the show for a month."),
    ("Storytelling Slam", "arts & culture", "adults", 200, 16, False, 4,
     "True stories, five minutes each, on a theme; the audience votes for a winner."),
    ("Community Choir", "arts & culture", "adults", 800, 40, False, 3,
     "A weekly drop-in choir that performs at the winter open house."),
    ("Diwali Celebration", "arts & culture", "all ages", 600, 20, False, 3,
     "Rangoli, music and dance with the Indian cultural association."),
    ("Paint & Sip (Mocktails)", "arts & culture", "adults", 350, 8, True, 2,
     "A guided canvas painting evening with mocktails and snacks."),
    ("Oral History Recording Day", "arts & culture", "older adults", 500, 40, True, 4,
     "Residents record their memories of Wrenfield for the local history collection."),
    ("Ballet Folklorico Performance", "arts & culture", "all ages", 700, 6, False, 3,
     "A youth folk dance troupe performs, then teaches the audience a short dance."),
    ("Murder Mystery Night in the Library", "activities & games", "adults", 600, 30, True, 4,
     "An after-hours role-playing mystery with a simple dinner, as a Friends of the Library fundraiser."),
    ("Library Scavenger Hunt", "activities & games", "children", 30, 8, False, 2,
     "Clues hidden around the building teach kids where everything is."),
    ("Adult Recess", "activities & games", "adults", 100, 8, False, 4,
     "Four square, jump rope and lawn games for grown-ups on a summer evening."),
    ("Giant Games on the Lawn", "activities & games", "all ages", 450, 10, False, 2,
     "Giant Jenga, Connect Four and cornhole for families on summer Saturdays."),
    ("Mahjong Meetup", "activities & games", "older adults", 120, 6, False, 2,
     "A weekly mahjong table with sets provided; beginners taught."),
    ("Teen Lock-In", "activities & games", "teens", 700, 30, True, 4,
     "An after-hours night of games, pizza and a movie for teens, with parent permission slips."),
    ("Crossword Tournament", "activities & games", "adults", 80, 10, True, 3,
     "Timed crossword rounds with puzzles written by a local constructor."),
    ("Chess in the Park", "activities & games", "all ages", 150, 10, False, 3,
     "Outdoor chess boards and volunteer coaches at Millbrook Park on Saturday mornings."),
    ("Retro Video Game Night", "activities & games", "adults", 200, 8, False, 3,
     "Classic consoles and arcade games for grown-ups who grew up with them."),
    ("Board Game Lending Launch", "activities & games", "all ages", 900, 24, False, 3,
     "Start lending board games, with a play day to introduce the collection."),
    ("Touch-a-Truck", "special events", "children", 200, 30, False, 3,
     "A fire truck, a street sweeper, a tractor and the bookmobile in the parking lot for kids to explore."),
    ("Library After Dark Open House", "special events", "adults", 500, 30, False, 3,
     "An evening open house with live music, food trucks and behind-the-scenes tours."),
    ("Summer Reading Bike Parade", "special events", "all ages", 300, 20, False, 3,
     "Kids decorate their bikes and ride from Central Library to the park to start summer reading."),
    ("Fernvale Harvest Festival Booth", "special events", "all ages", 150, 16, False, 2,
     "A library tent at the Fernvale harvest festival with crafts, card sign-ups and a storytime."),
    ("Puppet Festival Weekend", "special events", "preschool", 1600, 24, False, 3,
     "Three puppet companies over one weekend, with a puppet-making table between shows."),
    ("Juneteenth Celebration", "special events", "all ages", 900, 30, False, 3,
     "Music, storytelling and food with the county's Juneteenth committee."),
    ("Read to a Therapy Dog", "special events", "children", 0, 8, True, 3,
     "Children practise reading aloud to certified therapy dogs and their handlers."),
    ("Noon Concert Series", "special events", "adults", 1200, 16, False, 3,
     "Monthly lunchtime concerts by local musicians in the atrium."),
    ("Wrenfield Comic Con Jr.", "special events", "teens", 2500, 80, False, 4,
     "A one-day mini comic convention with artists, a cosplay contest and panels run by teens."),
    ("Walking Book Club", "health & wellness", "adults", 20, 8, False, 4,
     "Walk the river trail while talking about the book of the month."),
    ("Blood Pressure Check Station", "health & wellness", "older adults", 0, 4, False, 2,
     "Nursing students check blood pressure once a month and explain the numbers."),
    ("Narcan Training", "health & wellness", "adults", 0, 6, True, 3,
     "The health department teaches how to recognize an overdose and use naloxone; free kits to take home."),
    ("Grief Support Circle", "health & wellness", "adults", 0, 12, True, 3,
     "A hospice counselor leads a monthly support group for people who have lost someone."),
    ("Cooking for Diabetes Demo", "health & wellness", "adults", 250, 10, True, 3,
     "A dietitian cooks low-sugar meals in the teaching kitchen and hands out the recipes."),
    ("Library Garden Plots", "health & wellness", "all ages", 1500, 40, True, 4,
     "Raised-bed garden plots behind the Oak Ridge branch for families without a yard."),
    ("Kids' Yoga", "health & wellness", "children", 200, 10, True, 2,
     "Playful yoga for ages 5-10 with a certified kids' yoga teacher."),
    ("Caregiver Coffee Hour", "health & wellness", "adults", 60, 8, False, 3,
     "A monthly break for family caregivers, with a social worker on hand for questions."),
    ("Sensory-Friendly Library Hour", "health & wellness", "all ages", 150, 12, False, 4,
     "A quiet hour once a month with lights dimmed, no announcements and fidgets available."),
    ("Free Flu Shot Clinic", "health & wellness", "adults", 0, 8, False, 2,
     "Pharmacy students give flu shots in the community room in October."),
    ("Tech Help Drop-In", "digital literacy", "older adults", 0, 40, False, 1,
     "One-to-one help with phones, tablets and laptops every Tuesday morning."),
    ("Password Managers Made Simple", "digital literacy", "adults", 0, 6, True, 3,
     "Why reused passwords are risky, and how to set up a free password manager."),
    ("Telehealth: Seeing Your Doctor Online", "digital literacy", "older adults", 0, 6, True, 3,
     "Practise joining a video appointment and using a patient portal, with help from the hospital."),
    ("Online Safety for Parents", "digital literacy", "adults", 0, 6, False, 3,
     "Parental controls, screen time and the apps kids use, in plain language."),
    ("Teen Tech Mentors", "digital literacy", "older adults", 150, 30, True, 4,
     "Teens earn service hours by teaching older adults to use their phones, one to one."),
    ("Hotspot Lending Orientation", "digital literacy", "adults", 0, 6, False, 2,
     "How to borrow and use the library's Wi-Fi hotspots, for households without home internet."),
    ("Digital Photo Organizing", "digital literacy", "older adults", 0, 6, True, 2,
     "Get thousands of phone photos into folders and backed up."),
    ("Intro to Video Editing", "digital literacy", "teens", 100, 12, True, 3,
     "Edit a short video with free software, from clips to titles to music."),
    ("Computer Basics in Spanish", "digital literacy", "adults", 0, 24, True, 4,
     "A computer basics class taught in Spanish, requested by the Eastgate conversation group."),
    ("Online Banking Basics", "digital literacy", "older adults", 0, 6, True, 2,
     "A credit union volunteer shows how to bank online safely."),
    ("Voter Registration Drive", "civic engagement", "adults", 30, 8, False, 2,
     "Nonpartisan volunteers register voters at every branch in September."),
    ("Meet Your County Commissioner", "civic engagement", "adults", 40, 6, False, 2,
     "An informal coffee hour with the district commissioner: no speeches, just questions."),
    ("Youth Civic Leadership Council", "civic engagement", "teens", 300, 40, False, 4,
     "Teens advise the library board and plan one service project a year."),
    ("Welcome to Wrenfield Newcomer Night", "civic engagement", "adults", 200, 14, False, 3,
     "New residents meet city services, the schools and the library in one evening."),
    ("Climate Conversations", "civic engagement", "adults", 80, 10, False, 3,
     "A facilitated discussion series on local climate effects, with the county sustainability office."),
    ("Know Your Rights: Immigration", "civic engagement", "adults", 0, 6, False, 3,
     "An attorney from the immigrant legal aid clinic explains rights and answers questions privately afterwards."),
    ("Public Comment 101", "civic engagement", "adults", 0, 6, False, 3,
     "How to speak at a council meeting: the rules, the time limits and how to be heard."),
    ("Neighborhood Cleanup Day", "civic engagement", "all ages", 150, 12, False, 2,
     "Staff and volunteers pick up litter around the Harbor Point branch and the waterfront."),
    ("Jury Duty Explained", "civic engagement", "adults", 0, 4, False, 3,
     "A court clerk explains what happens after a jury summons arrives."),
    ("English Conversation for Parents", "English conversation", "adults", 40, 20, False, 3,
     "Practise everyday English for school meetings and doctor visits, with storytime for the children next door."),
    ("Workplace English", "English conversation", "adults", 0, 24, True, 3,
     "Conversation practice for job interviews and the workplace, with volunteers from local businesses."),
    ("Citizenship Interview Practice", "English conversation", "adults", 0, 16, True, 3,
     "Mock naturalization interviews with volunteer coaches."),
    ("English Through Cooking", "English conversation", "adults", 300, 16, True, 4,
     "Cook a simple recipe together in the teaching kitchen while practising English."),
    ("Beginner English Pronunciation", "English conversation", "adults", 0, 12, True, 2,
     "Short lessons on the sounds of English for beginners."),
    ("English Book Club for Learners", "English conversation", "adults", 150, 12, False, 3,
     "Read graded readers together and talk about them in simple English."),
    ("Conversation Walks", "English conversation", "adults", 0, 8, False, 4,
     "Practise English while walking in Millbrook Park on spring mornings."),
    ("Weekend English Cafe at Fernvale", "English conversation", "adults", 30, 12, False, 3,
     "A Saturday conversation group at Fernvale for farmworkers who cannot come on weekdays."),
]
# Ideas that became programs in program_sessions (matched by title): cost $, staff hours, novelty, description.
# An idea is used only if its program first ran at least MIN_LEAD_DAYS after the world begins.
TRIED_IDEAS = {
    "Teaching Kitchen: Knife Skills": (400, 20, 4, "Use the new teaching kitchen for hands-on cooking classes, "
                                       "starting with knife skills taught by a local chef."),
    "Teaching Kitchen: Healthy Meals on a Budget": (600, 24, 3, "A three-part class on cheap, healthy weeknight "
                                                    "meals in the teaching kitchen, with groceries provided."),
    "Teaching Kitchen: Kids Cook!": (300, 16, 3, "Summer cooking classes where kids make a snack or lunch and "
                                     "take the recipe home."),
    "Human Library: Don't Judge a Book by Its Cover": (250, 40, 5, "Patrons 'borrow' a person for a 20-minute "
                                                       "conversation about their life, to challenge stereotypes."),
    "AI Chatbots: What They Can and Can't Do": (0, 10, 4, "A plain-language talk on AI chatbots: how they work, "
                                                "where they go wrong and how to check what they say."),
    "Seed Library Swap": (200, 16, 3, "Start a seed library with a spring swap: bring saved seeds, take new "
                          "ones home."),
    "Pop-Up Storytime at the Laundromat": (60, 12, 5, "Stories and free books at the laundromat while families wait "
                                           "for their wash, to reach families who don't visit the library."),
    "Puzzle Swap & Race": (40, 6, 3, "Bring a jigsaw puzzle, take a different one home, and try a timed team race."),
    "Blind Date with a Book Social": (60, 8, 2, "Books wrapped in brown paper with a few clues on the cover, and a "
                                      "Valentine's social to unwrap them."),
    "Mindfulness for Teens": (0, 8, 3, "Short mindfulness and stress-management sessions for teens before exams, "
                              "led by a school counselor."),
    "Clay Creatures": (250, 8, 2, "Kids sculpt animals from air-dry clay with a local potter."),
    "Stargazing Night": (50, 10, 3, "An evening with the astronomy club's telescopes on the library lawn."),
    "Community Conversation: Housing in Wrenfield": (100, 20, 4, "A facilitated public conversation on housing "
                                                     "costs, where residents share experiences and ideas."),
    "Kitchen Chemistry": (120, 8, 2, "Summer science with kitchen ingredients: volcanoes, invisible ink and "
                          "butter in a jar."),
    "Sea Shanty Sing-Along": (400, 6, 4, "A sea shanty singalong with a local folk group."),
    "Escape Room: Mystery in the Stacks": (150, 24, 4, "A library-themed escape room for teens, built from puzzles "
                                           "hidden in books."),
    "Bike Repair Basics": (100, 8, 3, "Learn to fix a flat, adjust brakes and oil a chain with the community "
                           "bike shop."),
    "Beekeeping for Beginners": (50, 6, 3, "An introduction to backyard beekeeping with a local beekeeper."),
    "Beginning Ukulele": (400, 16, 3, "A four-week ukulele class using new lending ukuleles."),
    "Intro to 3D Printing": (300, 12, 3, "Learn to design and print a small object on the library's 3D printer."),
    "Mental Health First Aid": (1200, 16, 3, "An eight-hour certified course on helping someone in a mental "
                                "health crisis."),
    "Civics 101: How County Government Works": (0, 8, 2, "A short talk on what the county does, who decides and "
                                                "how to take part."),
    "Jazz in the Stacks": (600, 8, 3, "An evening jazz concert among the bookshelves."),
    "Snap Circuits Lab": (350, 8, 2, "Kids build working circuits with snap-together kits."),
    "Small Business Startup Basics": (0, 6, 2, "Small business advisers explain business plans, licenses and funding."),
    "Intro to Canva": (0, 6, 2, "Make flyers and social media posts with free design software."),
    "Memoir Writing Workshop": (500, 12, 3, "A four-week workshop for older adults writing their life stories."),
    "Calligraphy for Beginners": (200, 6, 2, "Learn basic hand lettering with brush pens."),
    "Folk Dance Evening": (300, 6, 3, "Simple folk dances from around the world; no partner needed."),
    "Museum Talk: Art of the Harbor": (0, 4, 2, "The county museum's curator talks about paintings of the harbor."),
    "Pokemon Card Trading Meetup": (20, 6, 2, "A safe space for kids to trade Pokemon cards, with volunteers to help."),
    "Button Making Drop-In": (150, 6, 2, "Make buttons from old magazines and drawings with a button maker."),
    "Upcycled Tote Bags": (80, 6, 2, "Teens turn old T-shirts into no-sew tote bags."),
    "Bridge Building Challenge": (60, 6, 2, "Kids build bridges from craft sticks and test how much weight they hold."),
    "Diabetes Prevention Basics": (0, 6, 2, "A health educator explains prediabetes and small changes that lower "
                                   "the risk."),
    "Understanding Your Credit Score": (0, 4, 2, "A credit union counselor explains credit scores and how to read "
                                        "a credit report."),
    "Candle Making Workshop": (350, 8, 2, "Make two soy candles to take home; all supplies provided."),
    "Estate Planning Basics": (0, 4, 2, "An attorney explains wills, powers of attorney and probate in plain "
                               "language."),
    "Rocket Launch in the Park": (200, 12, 3, "Kids build and launch air-powered rockets in the park."),
    "Tales from the Lanternfish": (450, 6, 3, "A storytelling troupe performs folk tales for families."),
    "Heart Health Talk": (0, 4, 2, "A cardiologist explains heart disease risks and warning signs for Heart Month."),
    "Genealogy: Getting Started": (0, 6, 2, "An introduction to tracing your family tree with the library's "
                                   "databases."),
    "Intro to Spreadsheets": (0, 18, 2, "A three-part spreadsheet class for job seekers and small business owners."),
    "Avoiding Online Scams": (0, 6, 2, "How to spot phishing emails, fake texts and gift-card scams."),
}
MIN_LEAD_DAYS = 45                # an idea reaches the calendar 45-150 days after it is submitted (assumption)
MAX_LEAD_DAYS = 150
ADOPTED_MIN_PROGRAMS = 5          # a tried idea that ran as 5+ programs became a regular offering
SUBMITTER_WEIGHTS = {"staff": 0.55, "patron": 0.30, "partner": 0.15}  # assumption
PARTNER_SUBMITS_TRIED = 0.6       # share of co-hosted tried ideas that came from the partner (assumption)
STAFF_NAMES_PARTNER = 0.15        # staff ideas that name a partner to approach (assumption)
DECISION_CUTOFF = pd.Timestamp("2025-01-01")  # fresh ideas from 2025 may still be waiting for a decision
RECENT_STATUS = {"proposed": 0.6, "adopted": 0.2, "declined": 0.2}    # adopted ones start in FY2026
OLDER_STATUS = {"declined": 0.8, "proposed": 0.2}                     # a backlog never decided
FIT_BY_STATUS = {"adopted": 4.3, "piloted": 3.9, "proposed": 3.3, "declined": 2.4}  # team ratings (assumption)
FIT_SPREAD = 0.7
NOVELTY_SPREAD = 0.6
COST_SPREAD = 0.25                # lognormal spread of each estimate around the catalogue figure
DECLINED_COST_MARKUP = 1.3        # declined ideas were pitched bigger (assumption)

# ==== patron_feedback =================================================================================
FEEDBACK_COUNT = 600              # contract: ~600
MESSY_BRANCH_SHARE = 0.06         # like program_sessions.branch (contract)
BRANCH_WEIGHTS = {"CEN": 0.30, "EAS": 0.19, "MIL": 0.16, "HAR": 0.17, "OAK": 0.12, "FER": 0.06}  # ~ visits
CHANNEL_WEIGHTS = {"comment card": 0.30, "email": 0.20, "website form": 0.25, "in person": 0.15,
                   "social media": 0.10}
IN_BUILDING_CHANNELS = {"comment card", "in person"}
TOPIC_WEIGHTS = {"programs": 0.22, "collection": 0.13, "staff": 0.12, "technology": 0.11, "hours": 0.09,
                 "noise": 0.07, "parking": 0.07, "room booking": 0.07, "accessibility": 0.06, "cleanliness": 0.06}
# Local troubles (assumptions from places.py): Fernvale is open 30 hours and its room has steps;
# Central's lot is small and its building busy.
TOPIC_TILT = {"FER": {"accessibility": 3.0, "hours": 2.5}, "CEN": {"parking": 1.5, "noise": 1.3}}
TONE_WEIGHTS = {"programs": {"praise": 0.45, "complaint": 0.25, "request": 0.30},
                "staff": {"praise": 0.6, "complaint": 0.3, "request": 0.1}}
TONE_WEIGHTS_OTHER = {"complaint": 0.6, "praise": 0.15, "request": 0.25}
NEEDS_RESPONSE = {"complaint": 0.85, "request": 0.7, "praise": 0.1}
UNANSWERED_SHARE = 0.08           # requests for a reply that slipped through (assumption)
RESPONSE_DAYS_MEDIAN = {"in person": 0.5, "email": 2, "website form": 2, "social media": 1, "comment card": 5}
RESPONSE_DAYS_SPREAD = 0.8
RESOLVED_CHANCE = {"hours": 0.25, "parking": 0.35, "accessibility": 0.55}  # hard to fix quickly
RESOLVED_CHANCE_OTHER = 0.75
RECENT_PROGRAM_DAYS = 45          # program comments name a session held at the branch in the last 45 days

BRANCH_SHORT = {"CEN": "Central", "EAS": "Eastgate", "MIL": "Millbrook", "HAR": "Harbor Point", "OAK": "Oak Ridge",
                "FER": "Fernvale"}
# (topic, tone, text, branches it can be about or None for all). Slots: {program}, {branch}, {day}, {staff}.
# For templates naming a {program}, the fourth item is instead the audience the program must suit
# ("youth", "adult", "registered", "in a room" or None for any).
COMMENTS = [
    ("programs", "praise", "My kids loved {program}! Thank you for putting it on for free.", "youth"),
    ("programs", "praise", "{program} was wonderful. The presenter was so patient with everyone.", None),
    ("programs", "praise", "We came to {program} for the first time and have already signed up for the next one.",
     None),
    ("programs", "praise", "Thank you for {program}. My mother hasn't been out much since my dad passed and she "
     "had a great time.", "adult"),
    ("programs", "praise", "Just wanted to say {program} was the highlight of our week.", None),
    ("programs", "complaint", "{program} filled up in ten minutes and we never got off the waitlist.",
     "registered"),
    ("programs", "complaint", "{program} was so crowded we couldn't hear anything from the back.", None),
    ("programs", "complaint", "{program} started 15 minutes late and ran out of materials before my daughter got "
     "a turn.", "youth"),
    ("programs", "complaint", "The website listed the wrong room for {program} and we missed the first half.",
     "in a room"),
    ("programs", "request", "Could you run {program} again on a weekend? Working parents can't make weekday "
     "mornings.", "youth"),
    ("programs", "request", "Please offer more programs for kids with autism. Sensory storytime is always full.",
     None),
    ("programs", "request", "Would love an evening book club for people in their 20s and 30s.", None),
    ("programs", "request", "Could {program} be recorded for people who can't come in person?", "adult"),
    ("programs", "request", "¿Podrían ofrecer más talleres en español para adultos? Gracias.",
     ("EAS", "HAR", "CEN")),
    ("noise", "complaint", "The children's area is so loud in the afternoons that I can't concentrate at the "
     "study tables.", None),
    ("noise", "complaint", "Someone was on a speakerphone call in the quiet room for half an hour and nobody said "
     "anything.", None),
    ("noise", "complaint", "Teens get very loud by the computers around 3:30 every day after school.", None),
    ("noise", "complaint", "The hand dryer in the restroom echoes through the whole reading room.", None),
    ("noise", "praise", "Thank you for the quiet study room. It's exactly what I needed during finals.", None),
    ("noise", "request", "Please add a quiet hour or a quiet corner. Not everyone comes to the library to "
     "socialize.", None),
    ("noise", "request", "Could you put up signs asking people to take phone calls outside?", None),
    ("hours", "complaint", "{branch} closes at 6 on weekdays. I work until 5:30 and never make it in time.", None),
    ("hours", "complaint", "Why is {branch} closed on Sundays? It's the only day my family is free.", None),
    ("hours", "complaint", "The library closed early on {day} with no notice and I came for nothing.", None),
    ("hours", "complaint", "Fernvale is only open four days a week and the next branch is a 25-minute drive.",
     ("FER",)),
    ("hours", "praise", "Thank you for opening earlier on Saturdays. It really helps our family.", None),
    ("hours", "request", "Please consider Sunday afternoon hours, even just 1 to 5.", None),
    ("hours", "request", "Could the book drop stay open overnight? It's locked when I get off my night shift.", None),
    ("staff", "praise", "{staff} at the desk spent half an hour helping me with an unemployment form. I'm so "
     "grateful.", None),
    ("staff", "praise", "The children's librarian remembered my son's name and had books waiting for him. That "
     "means a lot.", None),
    ("staff", "praise", "Staff at {branch} are always friendly and patient with my questions about my tablet.", None),
    ("staff", "praise", "I want to thank {staff} for helping me find records of my grandfather. Above and beyond.",
     None),
    ("staff", "praise", "Thank you to the {branch} staff who found my lost wallet and called me right away.", None),
    ("staff", "complaint", "The person at the desk was curt and didn't look up when I asked a question.", None),
    ("staff", "complaint", "I was told I couldn't print without a card, then the next person was allowed to. "
     "Please be consistent.", None),
    ("staff", "complaint", "A staff member spoke rudely to my teenager about noise while other groups were "
     "louder.", None),
    ("staff", "request", "Could someone who speaks Spanish be at the desk on weekends?", ("EAS", "HAR", "CEN")),
    ("room booking", "complaint", "I tried to book the meeting room for our neighborhood association and the "
     "online form kept giving an error.", None),
    ("room booking", "complaint", "Our group was double-booked with another group in the community room on {day}.",
     None),
    ("room booking", "complaint", "The room was booked for us but locked when we arrived. We waited 20 minutes.",
     None),
    ("room booking", "complaint", "Why do nonprofits have to book three months ahead? We can't plan that far.", None),
    ("room booking", "praise", "Booking a study room online was easy. Thank you for the new system.", None),
    ("room booking", "request", "Could study rooms be booked for more than two hours at a time?", None),
    ("room booking", "request", "Please let groups book rooms in the evening after 7.", None),
    ("accessibility", "complaint", "The program room at Fernvale has steps and no ramp. My husband uses a "
     "wheelchair and couldn't come in.", ("FER",)),
    ("accessibility", "complaint", "The automatic door button at {branch} has been broken for two weeks.", None),
    ("accessibility", "complaint", "There's no hearing loop in the meeting room, so I couldn't follow the talk.",
     None),
    ("accessibility", "complaint", "The print on the events calendar is too small to read, even with my glasses.",
     None),
    ("accessibility", "complaint", "The accessible parking spaces were blocked by a delivery van again.", None),
    ("accessibility", "praise", "Thank you for the large-print books and the magnifier at the desk. It makes a real "
     "difference.", None),
    ("accessibility", "praise", "Sensory storytime is the only program my son can manage. Please keep it going.",
     None),
    ("accessibility", "request", "Could you add captions to the virtual programs?", None),
    ("accessibility", "request", "Please hold some programs in a room with step-free access.", ("FER",)),
    ("parking", "complaint", "The parking lot at {branch} is always full when there's a program. I circled for "
     "15 minutes.", None),
    ("parking", "complaint", "The lot is poorly lit at night and I don't feel safe walking to my car.", None),
    ("parking", "complaint", "People from the gym next door use the library lot all day.", ("CEN", "MIL")),
    ("parking", "complaint", "There's only one bike rack and it's always full.", None),
    ("parking", "request", "Could you add a few 15-minute spaces for picking up holds?", None),
    ("parking", "request", "Please add more bike racks near the entrance.", None),
    ("collection", "complaint", "I've been on the hold list for the same book for four months.", None),
    ("collection", "complaint", "The gardening books are mostly from the 1990s. Time for new ones!", None),
    ("collection", "complaint", "There are hardly any graphic novels for adults at {branch}.", None),
    ("collection", "complaint", "The large-print section is tiny and I've read everything in it.", None),
    ("collection", "praise", "Thank you for buying the books I suggested! The new cookbook shelf is great.", None),
    ("collection", "praise", "The ebook collection keeps getting better. I read on my phone every night.", None),
    ("collection", "request", "Please buy more books in Spanish for adults, not just for children.", None),
    ("collection", "request", "Could you add more personal finance books for young adults?", None),
    ("collection", "request", "Please add more picture books with all kinds of families in them.", None),
    ("collection", "request", "Could the library lend tools or kitchen gadgets?", None),
    ("collection", "request", "Please buy more books on local history and old Wrenfield families.", None),
    ("collection", "request", "¿Tienen más libros en español para adultos? Casi todos son para niños.",
     ("EAS", "HAR", "CEN")),
    ("technology", "complaint", "The Wi-Fi keeps dropping in the back of the building.", None),
    ("technology", "complaint", "Two of the public computers at {branch} have been out of order for weeks.", None),
    ("technology", "complaint", "The printer jammed and ate my print credits. Nobody could refund them.", None),
    ("technology", "complaint", "The self-checkout doesn't read my card half the time.", None),
    ("technology", "complaint", "The library app logged me out and I lost my reading history.", None),
    ("technology", "praise", "The hotspot I borrowed got my son through his online classes. Thank you.", None),
    ("technology", "request", "Could you add more charging outlets near the tables?", None),
    ("technology", "request", "Please get a scanner that can send to email.", None),
    ("technology", "request", "Could we print from our phones?", None),
    ("cleanliness", "complaint", "The restrooms at {branch} were dirty and out of paper towels on {day} afternoon.",
     None),
    ("cleanliness", "complaint", "The toys in the children's area look like they haven't been cleaned in a while.",
     None),
    ("cleanliness", "complaint", "Someone left food on the study tables and there were ants.", None),
    ("cleanliness", "complaint", "The carpet by the entrance is stained and smells musty after it rains.", None),
    ("cleanliness", "praise", "The renovated restrooms look great. Thank you.", None),
    ("cleanliness", "request", "Could you put hand sanitizer near the computers and in the children's area?", None),
]
YOUTH_AUDIENCES = {"babies & toddlers", "preschool", "children", "teens", "all ages"}
ADULT_AUDIENCES = {"adults", "older adults", "all ages"}
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---- program_ideas ---------------------------------------------------------------------------------

def tried_ideas(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Ideas that reached the calendar: titles from TRIED_IDEAS whose program first ran late enough to have
    been proposed inside the two years; submitted 45-150 days before that first session."""
    sessions = tidy_sessions(world["program_sessions"])
    sessions = sessions[sessions.program_title.isin(list(TRIED_IDEAS))]
    first = sessions.sort_values(["date", "session_id"]).groupby("program_title").first()
    first = first[first.date >= WORLD_START + pd.Timedelta(days=MIN_LEAD_DAYS)].sort_values("date")
    room = (first.date - WORLD_START).dt.days.to_numpy()
    lead = rng.integers(MIN_LEAD_DAYS, np.minimum(MAX_LEAD_DAYS, room) + 1)
    ideas = pd.DataFrame({"title": first.index, "category": first.category.to_numpy(),
                          "audience": first.audience.to_numpy(),
                          "submitted_on": pd.DatetimeIndex(first.date) - pd.to_timedelta(lead, unit="D"),
                          "needs_registration": first.registration_required.to_numpy(dtype=bool),
                          "program_partner": first.partner_id.to_numpy(dtype=object)})
    later = sessions.merge(ideas[["title", "submitted_on"]], left_on="program_title", right_on="title")
    programs = later[later.date > later.submitted_on].groupby("title").program_id.nunique()
    ideas["status"] = np.where(ideas.title.map(programs).fillna(0) >= ADOPTED_MIN_PROGRAMS, "adopted", "piloted")
    ideas["base_cost"], ideas["base_hours"], ideas["novelty_base"], ideas["description"] = zip(
        *[TRIED_IDEAS[t] for t in ideas.title])
    return ideas


def fresh_ideas(rng: np.random.Generator, count: int) -> pd.DataFrame:
    """Ideas not (yet) run: a sample of FRESH_IDEAS with submission dates and a status fitting the date."""
    picks = np.sort(rng.choice(len(FRESH_IDEAS), size=min(count, len(FRESH_IDEAS)), replace=False))
    ideas = pd.DataFrame([FRESH_IDEAS[i] for i in picks],
                         columns=["title", "category", "audience", "base_cost", "base_hours", "needs_registration",
                                  "novelty_base", "description"])
    ideas["submitted_on"] = random_dates(rng, WORLD_START, WORLD_END, len(ideas))
    recent = ideas.submitted_on >= DECISION_CUTOFF
    status = np.where(recent, weighted_choice(rng, RECENT_STATUS, len(ideas)),
                      weighted_choice(rng, OLDER_STATUS, len(ideas)))
    ideas["status"] = status
    ideas["program_partner"] = None
    return ideas


def choose_submitters(rng: np.random.Generator, ideas: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Who put each idea forward, and the partner named on it (the co-host for tried ideas)."""
    submitted_by = weighted_choice(rng, SUBMITTER_WEIGHTS, len(ideas))
    co_hosted = ideas.program_partner.notna().to_numpy()
    from_partner = co_hosted & (rng.random(len(ideas)) < PARTNER_SUBMITS_TRIED)
    submitted_by = np.where(from_partner, "partner", np.where(co_hosted & (submitted_by == "partner"), "staff",
                                                              submitted_by))
    partner_id = np.where(co_hosted, ideas.program_partner.to_numpy(dtype=object), None).astype(object)
    wants = ~co_hosted & ((submitted_by == "partner") | ((submitted_by == "staff")
                                                         & (rng.random(len(ideas)) < STAFF_NAMES_PARTNER)))
    for row in np.flatnonzero(wants):
        partner_id[row] = pick_partner(rng, partners, ideas.category.iat[row], ideas.submitted_on.iat[row].year)
    ideas["submitted_by"] = submitted_by
    ideas["partner_id"] = partner_id
    return ideas


def pick_partner(rng: np.random.Generator, partners: pd.DataFrame, category: str, year: int) -> str:
    """A partner of a type that suits the category and was already working with the library that year."""
    suitable = partners[partners.partner_type.isin(PARTNER_TYPES[category]) & (partners.partner_since <= year)]
    if suitable.empty:
        suitable = partners[partners.partner_type.isin(PARTNER_TYPES[category])]
    return str(suitable.partner_id.iat[rng.integers(len(suitable))])


def rate_ideas(rng: np.random.Generator, ideas: pd.DataFrame) -> pd.DataFrame:
    """Cost and staff-hour estimates around the catalogue figures, and the team's novelty and fit ratings."""
    n = len(ideas)
    markup = np.where(ideas.status.eq("declined"), DECLINED_COST_MARKUP, 1.0)
    cost = ideas.base_cost.to_numpy(dtype=float) * markup * rng.lognormal(0, COST_SPREAD, n)
    ideas["estimated_cost"] = round_cents(np.round(cost / 5) * 5)
    hours = ideas.base_hours.to_numpy(dtype=float) * rng.lognormal(0, COST_SPREAD, n)
    ideas["staff_hours"] = np.maximum(np.round(hours * 2) / 2, 1.0)
    novelty = ideas.novelty_base.to_numpy(dtype=float) + rng.normal(0, NOVELTY_SPREAD, n)
    ideas["novelty"] = np.clip(np.round(novelty), 1, 5).astype(int)
    fit = ideas.status.map(FIT_BY_STATUS).to_numpy(dtype=float) + rng.normal(0, FIT_SPREAD, n)
    ideas["fit_with_goals"] = np.clip(np.round(fit), 1, 5).astype(int)
    return ideas


def make_program_ideas(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """program_ideas: tried ideas traced to program_sessions plus fresh ones, numbered by submission date."""
    tried = tried_ideas(rng, world)
    ideas = pd.concat([tried, fresh_ideas(rng, IDEA_COUNT - len(tried))], ignore_index=True)
    ideas = ideas.sort_values(["submitted_on", "title"], ignore_index=True)
    ideas = rate_ideas(rng, choose_submitters(rng, ideas, world["partners"]))
    ideas["idea_id"] = make_ids("I", len(ideas), 3)
    ideas["submitted_on"] = date_text(ideas.submitted_on)
    ideas["needs_registration"] = ideas.needs_registration.astype(bool)
    return ideas[["idea_id", "submitted_on", "submitted_by", "title", "description", "category", "audience",
                  "estimated_cost", "staff_hours", "partner_id", "needs_registration", "status", "novelty",
                  "fit_with_goals"]]


# ---- patron_feedback -------------------------------------------------------------------------------

def feedback_dates(rng: np.random.Generator, branches: np.ndarray, channels: np.ndarray) -> pd.DatetimeIndex:
    """When each comment arrived: comment cards and in-person remarks only on days the branch was open."""
    dates = random_dates(rng, WORLD_START, WORLD_END, len(branches)).to_numpy().copy()
    in_building = np.isin(channels, list(IN_BUILDING_CHANNELS))
    while True:
        stamps = pd.DatetimeIndex(dates)
        shut = is_closed(stamps) | ((branches == "FER") & ~np.isin(stamps.day_of_week, list(FERNVALE_WEEKDAYS)))
        redraw = np.flatnonzero(in_building & shut)
        if not len(redraw):
            return stamps
        dates[redraw] = random_dates(rng, WORLD_START, WORLD_END, len(redraw)).to_numpy()


def choose_topics(rng: np.random.Generator, branches: np.ndarray) -> np.ndarray:
    """A topic per comment, from the system-wide weights tilted by each branch's local troubles."""
    topics = np.empty(len(branches), dtype=object)
    for branch in np.unique(branches):
        rows = np.flatnonzero(branches == branch)
        weights = {t: w * TOPIC_TILT.get(branch, {}).get(t, 1.0) for t, w in TOPIC_WEIGHTS.items()}
        topics[rows] = weighted_choice(rng, weights, len(rows))
    return topics


def recent_programs(world: dict[str, pd.DataFrame]) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """Per branch and kind of session (see COMMENTS), the dates (sorted) and titles of held sessions
    a patron might write about."""
    sessions = tidy_sessions(world["program_sessions"])
    held = sessions[sessions.held & ~sessions.program_title.str.startswith("Author Talk")].sort_values(
        ["date", "session_id"])
    groups = {"any": held, "youth": held[held.audience.isin(YOUTH_AUDIENCES)],
              "adult": held[held.audience.isin(ADULT_AUDIENCES)],
              "registered": held[held.registration_required], "in a room": held[held.room_id.notna()]}
    return {(b, group): (rows.date.to_numpy(), rows.program_title.to_numpy(dtype=object))
            for group, table in groups.items() for b, rows in table.groupby("branch_id")}


def recent_program(rng: np.random.Generator, held: dict, branch: str, group: str, day: pd.Timestamp) -> str | None:
    """The title of a session of the kind held at the branch in the weeks before the comment, if any."""
    dates, titles = held.get((branch, group), (np.array([], dtype="datetime64[ns]"), np.array([], dtype=object)))
    low = np.searchsorted(dates, np.datetime64(day - pd.Timedelta(days=RECENT_PROGRAM_DAYS)), side="right")
    high = np.searchsorted(dates, np.datetime64(day), side="right")
    return None if high <= low else str(titles[rng.integers(low, high)])


def usable_templates(rng: np.random.Generator, held: dict, topic: str, branch: str,
                     day: pd.Timestamp) -> dict[str, list[str]]:
    """Comment templates by tone for a topic at a branch, with any {program} already filled by a session
    of the right kind held there recently (templates without such a session are left out)."""
    by_tone: dict[str, list[str]] = {}
    for t_topic, tone, text, where in COMMENTS:
        if t_topic != topic:
            continue
        if "{program}" in text:
            program = recent_program(rng, held, branch, where or "any", day)
            if program is None:
                continue
            text = text.replace("{program}", program)
        elif where is not None and branch not in where:
            continue
        by_tone.setdefault(tone, []).append(text)
    return by_tone


def write_comments(rng: np.random.Generator, world: dict[str, pd.DataFrame], feedback: pd.DataFrame) -> pd.DataFrame:
    """A comment per row from the templates of its topic and tone, with names, days and programs filled in."""
    held = recent_programs(world)
    staff = world["staff"]
    names = {b: staff.first_name[staff.branch_id.eq(b)].to_numpy(dtype=object) for b in BRANCH_SHORT}
    tones, comments = [], []
    for row in feedback.itertuples():
        by_tone = usable_templates(rng, held, row.topic, row.branch_id, row.received_on)
        tone_weights = TONE_WEIGHTS.get(row.topic, TONE_WEIGHTS_OTHER)
        tone = weighted_choice(rng, {t: w for t, w in tone_weights.items() if t in by_tone})
        text = by_tone[tone][rng.integers(len(by_tone[tone]))]
        tones.append(tone)
        comments.append(text.format(branch=BRANCH_SHORT[row.branch_id], day=WEEKDAY_NAMES[row.received_on.weekday()],
                                    staff=names[row.branch_id][rng.integers(len(names[row.branch_id]))]))
    feedback["tone"] = tones
    feedback["comment"] = comments
    return feedback


def follow_up(rng: np.random.Generator, feedback: pd.DataFrame) -> pd.DataFrame:
    """Whether a reply was needed, when it went out (never after 30 June 2025), and whether it was resolved."""
    n = len(feedback)
    needs = rng.random(n) < feedback.tone.map(NEEDS_RESPONSE).to_numpy()
    median = feedback.channel.map(RESPONSE_DAYS_MEDIAN).to_numpy(dtype=float)
    lag = np.floor(median * rng.lognormal(0, RESPONSE_DAYS_SPREAD, n)).astype(int)
    responded = feedback.received_on + pd.to_timedelta(lag, unit="D")
    answered = needs & (rng.random(n) >= UNANSWERED_SHARE) & (responded <= WORLD_END).to_numpy()
    chance = feedback.topic.map(RESOLVED_CHANCE).fillna(RESOLVED_CHANCE_OTHER).to_numpy()
    chance = np.where(feedback.tone.eq("praise"), 1.0, chance)
    resolved = answered & (rng.random(n) < chance)
    feedback["needs_response"] = needs
    feedback["responded_on"] = date_text(responded.where(answered))
    feedback["resolved"] = pd.array(np.where(needs, resolved, None), dtype="boolean")
    return feedback


def make_patron_feedback(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """patron_feedback: ~600 comments over two years, numbered by the date they arrived."""
    branches = weighted_choice(rng, BRANCH_WEIGHTS, FEEDBACK_COUNT)
    channels = weighted_choice(rng, CHANNEL_WEIGHTS, FEEDBACK_COUNT)
    feedback = pd.DataFrame({"branch_id": branches, "channel": channels,
                             "received_on": feedback_dates(rng, branches, channels)})
    feedback = feedback.sort_values(["received_on", "branch_id", "channel"], ignore_index=True)
    feedback["topic"] = choose_topics(rng, feedback.branch_id.to_numpy())
    feedback = follow_up(rng, write_comments(rng, world, feedback))
    feedback["feedback_id"] = make_ids("F", len(feedback), 4)
    feedback["branch"] = messy_branch_names(rng, feedback.branch_id, MESSY_BRANCH_SHARE)
    feedback["received_on"] = date_text(feedback.received_on)
    return feedback[["feedback_id", "received_on", "channel", "branch", "topic", "comment", "needs_response",
                     "responded_on", "resolved"]]


def generate(rng: np.random.Generator, world: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """program_ideas and patron_feedback."""
    return {"program_ideas": make_program_ideas(rng, world), "patron_feedback": make_patron_feedback(rng, world)}
